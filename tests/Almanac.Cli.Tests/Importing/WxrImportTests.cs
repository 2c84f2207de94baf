using Almanac.Core.Calendar;
using Almanac.Core.Importing;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Cli.Tests.Importing;

public class WxrImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportWxr_BringsInPostsTermsImagesCommentsAndOldLinks()
    {
        var db = AlmanacProcess.NewDatabase();

        var (exitCode, output) = await AlmanacProcess.RunAsync("import", "wxr", SiteDatabase.Fixture("sample.wxr"), "--uploads", SiteDatabase.Fixture("uploads"), "--connection", db);

        Assert.Equal(0, exitCode);
        Assert.Contains("Created 4 stories", output, StringComparison.Ordinal);
        Assert.Contains("5 comments (0 updated), 2 users, 1 kept for later", output, StringComparison.Ordinal);
        Assert.Contains("almanac user reset-password", output, StringComparison.Ordinal);
        Assert.Contains("gutenberg-press.jpg cannot be used", output, StringComparison.Ordinal);
        Assert.Matches(@"not in the uploads folder \(1\), recorded without their picture:\s+attachment 52: 2018/12/lost-photo\.jpg", output);
        Assert.Contains("post 46 \"A Story Without Any Date\"", output, StringComparison.Ordinal);
        Assert.Contains("a post without a numeric wp:post_id", output, StringComparison.Ordinal);
        Assert.Matches(@"imported with the year only:\s+post 45", output);
        await SiteDatabase.ReadAsync(db, async site =>
        {
            var mexico = await site.Stories.Include(s => s.Image).Include(s => s.Categories).Include(s => s.Topics)
                .SingleAsync(s => s.Title == "Diplomatic Relations Established between Mexico and the USSR", Ct);
            Assert.Equal(HistoricalDate.OnDay(1924, 8, 4), mexico.Date);
            Assert.Equal(StoryStatus.Published, mexico.Status);
            Assert.Equal("Maria Editor", mexico.AuthorName);
            Assert.Equal(new DateTime(2019, 8, 4, 6, 0, 0, DateTimeKind.Utc), mexico.PublishedAtUtc);
            Assert.Equal("Photo Credit To Wikimedia Commons/Embassy of Mexico in Moscow", mexico.Image!.CreditText);
            Assert.Equal("The Mexican embassy in Moscow", mexico.Image.AltText);
            Assert.Equal((12, 8, "image/png"), (mexico.Image.Width, mexico.Image.Height, mexico.Image.ContentType));
            Assert.Equal(["politics-government"], mexico.Categories.Select(c => c.Slug));
            Assert.Equal(["mexico", "ussr"], mexico.Topics.Select(t => t.Slug).Order());
            Assert.DoesNotContain("[caption", mexico.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", mexico.BodyHtml, StringComparison.Ordinal);

            var caesar = await site.Stories.SingleAsync(s => s.Title == "Assassination of Julius Caesar", Ct);
            Assert.Equal(HistoricalDate.OnDay(-43, 3, 15), caesar.Date);
            Assert.Equal(StoryKind.Death, caesar.Kind);
            var gutenberg = await site.Stories.SingleAsync(s => s.Title == "Gutenberg Builds His Press", Ct);
            Assert.Equal(HistoricalDate.InYear(1450, circa: true), gutenberg.Date);
            Assert.Equal(StoryStatus.Draft, (await site.Stories.SingleAsync(s => s.Title == "A Day That Never Was", Ct)).Status);
            Assert.False(await site.Stories.AnyAsync(s => s.Title.Contains("Apollo") || s.Title.Contains("About"), Ct));

            var redirects = await site.Redirects.ToDictionaryAsync(r => r.FromPath, r => r.ToPath, Ct);
            Assert.Equal("/on-this-day/" + mexico.Slug, redirects["/on-this-day/diplomatic-relations-mexico-ussr/"]);
            Assert.Equal("/on-this-day/" + mexico.Slug, redirects["/?p=42"]);
            Assert.Equal("/day/august-4", redirects["/2019/08/04/"]);
            Assert.Equal("/category/politics-government", redirects["/category/politics/"]);
            Assert.Equal("/topic/ussr", redirects["/tag/soviet-union/"]);

            Assert.Equal(5, await site.Comments.CountAsync(c => c.StoryId == mexico.Id, Ct));
            Assert.Equal(5, await site.ImportedRecords.CountAsync(r => r.Kind == ImportedKinds.Comment && r.TargetId != null, Ct));
            Assert.Equal([16], (await site.Stories.Include(s => s.Image).SingleAsync(s => s.Title == "Assassination of Julius Caesar", Ct)).Image!.VariantWidths);
            var post = await site.ImportedRecords.SingleAsync(r => r.SourceId == "post:42", Ct);
            Assert.Equal(mexico.Id, post.TargetId);
            Assert.Contains("Checked against the embassy archive", post.Data, StringComparison.Ordinal);
            return 0;
        });
    }

    [Fact]
    public async Task ImportWxr_DryRunWritesNothingAndASecondRunChangesNothing()
    {
        var db = AlmanacProcess.NewDatabase();
        var fixture = SiteDatabase.Fixture("sample.wxr");

        var dry = await AlmanacProcess.RunAsync("import", "wxr", fixture, "--dry-run", "--connection", db);
        int afterDryRun = await SiteDatabase.ReadAsync(db, async site =>
            await site.Stories.CountAsync(Ct) + await site.Redirects.CountAsync(Ct) + await site.ImportedRecords.CountAsync(Ct) + await site.Topics.CountAsync(Ct));
        var first = await AlmanacProcess.RunAsync("import", "wxr", fixture, "--connection", db);
        var snapshot = await Snapshot(db);
        var second = await AlmanacProcess.RunAsync("import", "wxr", fixture, "--connection", db);

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("Dry run, nothing written. Would create 4 stories", dry.Output, StringComparison.Ordinal);
        Assert.Equal(0, afterDryRun);
        Assert.Contains("Created 4 stories", first.Output, StringComparison.Ordinal);
        Assert.Contains("Created 0 stories, 0 updated, 4 skipped", second.Output, StringComparison.Ordinal);
        Assert.Equal(snapshot, await Snapshot(db));
    }

    [Fact]
    public async Task ImportWxr_RefusesAnExternalEntityAndReadsNothingFromDisk()
    {
        var db = AlmanacProcess.NewDatabase();
        var marker = $"SECRET-MARKER-{Guid.NewGuid():N}";
        var secret = SiteDatabase.TempFile("secret.txt");
        await File.WriteAllTextAsync(secret, marker, Ct);
        var wxr = SiteDatabase.TempFile("xxe.wxr");
        await File.WriteAllTextAsync(wxr, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file://{secret}"> ]>
            <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><item><title>1924: &secret;</title><content:encoded>4 August 1924 &secret;</content:encoded>
            <wp:post_id>1</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>
            """, Ct);

        var (exitCode, output) = await AlmanacProcess.RunAsync("import", "wxr", wxr, "--connection", db);

        Assert.Equal(1, exitCode);
        Assert.Contains("declares a DTD", output, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, output, StringComparison.Ordinal);
        await SiteDatabase.ReadAsync(db, async site =>
        {
            Assert.Equal(0, await site.Stories.CountAsync(Ct));
            Assert.Equal(0, await site.ImportedRecords.CountAsync(Ct));
            Assert.False(await site.Stories.AnyAsync(s => s.Title.Contains(marker) || s.Body.Contains(marker), Ct));
            return 0;
        });
        if (!AlmanacProcess.IsPostgres)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db).DataSource;
            Assert.DoesNotContain(marker, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file, Ct)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportWxr_RefusesABillionLaughs()
    {
        var db = AlmanacProcess.NewDatabase();
        var wxr = SiteDatabase.TempFile("laughs.wxr");
        var entities = string.Join("\n", Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        await File.WriteAllTextAsync(wxr, $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY lol0 "lol"> {entities} ]>
            <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>1924: &lol9;</title>
            <wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item></channel></rss>
            """, Ct);

        var (exitCode, output) = await AlmanacProcess.RunAsync("import", "wxr", wxr, "--connection", db);

        Assert.Equal(1, exitCode);
        Assert.Contains("declares a DTD", output, StringComparison.Ordinal);
        Assert.Equal(0, await SiteDatabase.ReadAsync(db, site => site.Stories.CountAsync(Ct)));
    }

    private static Task<string> Snapshot(string db) => SiteDatabase.ReadAsync(db, async site =>
        string.Join("\n",
            string.Join(",", await site.Stories.OrderBy(s => s.Id).Select(s => s.Slug + "|" + s.UpdatedAtUtc.Ticks).ToListAsync(Ct)),
            await site.Redirects.CountAsync(Ct), await site.Media.CountAsync(Ct), await site.Categories.CountAsync(Ct),
            await site.Topics.CountAsync(Ct), await site.ImportedRecords.CountAsync(Ct), await site.StoryTopics.CountAsync(Ct),
            await site.Comments.CountAsync(Ct), await site.Users.CountAsync(Ct)));
}
