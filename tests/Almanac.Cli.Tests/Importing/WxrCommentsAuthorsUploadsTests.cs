using Almanac.Core.Accounts;
using Almanac.Core.Comments;
using Almanac.Core.Data;
using Almanac.Core.Importing;
using Almanac.Core.Importing.Wxr;
using Almanac.Core.Media;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Cli.Tests.Importing;

/// <summary>
/// The WXR importer's comments, authors and uploads, run in this process through <see cref="Importer"/>
/// (the path the CLI takes, without starting a process) on SQLite, and on PostgreSQL in test.sh's second run.
/// </summary>
public class WxrCommentsAuthorsUploadsTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Comments_AreImportedWithTheirStatusThreadingAndExactText()
    {
        var db = await NewSiteAsync();

        var report = await ImportAsync(db);

        Assert.Equal(5, report.CommentsCreated);
        Assert.Equal(1, report.Kept);
        Assert.Contains(report.Notes, n => n.Message.Contains("comment 11 of post 42 is in WordPress's trash", StringComparison.Ordinal));
        await ReadAsync(db, async site =>
        {
            var mexico = await site.Stories.SingleAsync(s => s.Title.StartsWith("Diplomatic Relations"), Ct);
            var comments = await site.Comments.Where(c => c.StoryId == mexico.Id).ToDictionaryAsync(c => c.Body, Ct);
            Assert.Equal(5, comments.Count);
            Assert.Equal(0, await site.Comments.CountAsync(c => c.StoryId != mexico.Id, Ct));

            var question = comments["Did Kollontai arrive in 1926?\n\nI read <a href=\"https://example.org/kollontai\">somewhere</a> that she did.  "];
            Assert.Equal(("Ana", "ana@example.org", CommentStatus.Approved, (int?)null), (question.AuthorName, question.Email, question.Status, question.ParentId));
            Assert.Equal(new DateTime(2019, 8, 5, 8, 0, 0, DateTimeKind.Utc), question.CreatedAtUtc);
            var answer = comments["Yes, she did."];
            Assert.Equal((CommentStatus.Pending, (int?)question.Id, "Maria Editor"), (answer.Status, answer.ParentId, answer.AuthorName));
            var thanks = comments["Thank you! <em>That settles it.</em>"];
            Assert.Equal((CommentStatus.Approved, (int?)question.Id), (thanks.Status, thanks.ParentId));
            var spam = comments["Buy watches at https://spam.example"];
            Assert.Equal((CommentStatus.Spam, (int?)null), (spam.Status, spam.ParentId));
            var orphan = comments["Replying to the removed comment: still a good story."];
            Assert.Equal((CommentStatus.Approved, (int?)null, (string?)null), (orphan.Status, orphan.ParentId, orphan.Email));
            Assert.All(comments.Values, c => Assert.Null(c.IpHash));
            Assert.All(comments.Values, c => Assert.Matches("^[0-9A-F]{32}$", c.DeleteKey));
            Assert.Equal(5, comments.Values.Select(c => c.DeleteKey).Distinct().Count());

            // No WordPress address is kept anywhere, not even on the import records.
            Assert.False(await site.ImportedRecords.AnyAsync(r => r.Data != null && r.Data.Contains("192.0.2."), Ct));
            Assert.Equal("pingback", (await site.ImportedRecords.SingleAsync(r => r.SourceId == "comment:13", Ct)).Kind);
            Assert.True((await site.Stories.SingleAsync(s => s.Title == "Assassination of Julius Caesar", Ct)).CommentsClosed);
            Assert.False(mexico.CommentsClosed);
            return 0;
        });
    }

    [Fact]
    public async Task ADryRunCountsButWritesNothing_AndASecondRunChangesNothing()
    {
        var db = await NewSiteAsync();

        var dry = await ImportAsync(db, new ImportOptions { DryRun = true });
        var afterDryRun = await SnapshotAsync(db);
        var first = await ImportAsync(db);
        var afterFirst = await SnapshotAsync(db);
        var second = await ImportAsync(db);

        Assert.Equal((4, 5, 2, 4), (dry.Created, dry.CommentsCreated, dry.UsersCreated, dry.MediaCreated));
        Assert.Equal("0 stories, 0 comments, 0 users, 0 media, 0 blobs, 0 records", afterDryRun.Split('\n')[0]);
        Assert.Equal((4, 5, 2, 4), (first.Created, first.CommentsCreated, first.UsersCreated, first.MediaCreated));
        Assert.Equal((0, 0, 0, 0, 0, 4), (second.Created, second.CommentsCreated, second.UsersCreated, second.MediaCreated, second.Kept, second.Skipped));
        Assert.Equal(afterFirst, await SnapshotAsync(db));
    }

    [Fact]
    public async Task WithUpdate_AChangedCommentIsRewrittenAndAnUnchangedOneIsLeftAlone()
    {
        var db = await NewSiteAsync();
        await ImportAsync(db);
        var changed = SiteDatabase.TempFile("changed.wxr");
        await File.WriteAllTextAsync(changed, (await File.ReadAllTextAsync(SiteDatabase.Fixture("sample.wxr"), Ct)).Replace("Yes, she did.", "Yes, she did, in 1926.", StringComparison.Ordinal), Ct);

        var without = await ImportAsync(db, path: changed);
        var with = await ImportAsync(db, new ImportOptions { Update = true }, path: changed);

        Assert.Equal((0, 0), (without.CommentsCreated, without.CommentsUpdated));
        Assert.Equal((0, 1), (with.CommentsCreated, with.CommentsUpdated));
        await ReadAsync(db, async site =>
        {
            var answer = await site.Comments.SingleAsync(c => c.AuthorName == "Maria Editor", Ct);
            Assert.Equal("Yes, she did, in 1926.", answer.Body);
            Assert.NotNull(answer.ParentId);
            Assert.Equal(5, await site.Comments.CountAsync(Ct));
            return 0;
        });
    }

    [Fact]
    public async Task Authors_BecomeContributorsWithoutPasswords_AndAnExistingAccountIsReused()
    {
        var db = await NewSiteAsync();
        string existingId = await WithAccountsAsync(db, async users =>
        {
            // Same e-mail as the export's jsmith, another user name: this account is used, none is made.
            var john = new AlmanacUser { UserName = "john", Email = "J.Smith@history.example", DisplayName = "John S.", CreatedAtUtc = Now };
            Assert.True((await users.CreateAsync(john, "a long enough passphrase for john")).Succeeded);
            return john.Id;
        });

        var report = await ImportAsync(db);

        Assert.Equal(1, report.UsersCreated);
        await ReadAsync(db, async site =>
        {
            var maria = await site.Users.SingleAsync(u => u.UserName == "meditor", Ct);
            Assert.Equal(("m@history.example", "Maria Editor"), (maria.Email, maria.DisplayName));
            Assert.Null(maria.PasswordHash);
            Assert.Equal(2, await site.Users.CountAsync(Ct));
            var role = await (from ur in site.UserRoles join r in site.Roles on ur.RoleId equals r.Id where ur.UserId == maria.Id select r.Name).SingleAsync(Ct);
            Assert.Equal(Roles.Contributor, role);
            Assert.Equal("John Smith", (await site.Stories.SingleAsync(s => s.Title == "Assassination of Julius Caesar", Ct)).AuthorName);
            Assert.Contains(existingId, (await site.ImportedRecords.SingleAsync(r => r.SourceId == "author:jsmith", Ct)).Data, StringComparison.Ordinal);
            Assert.Equal(1, await site.AuditEntries.CountAsync(a => a.Action == AuditLog.UserCreated && a.Subject == "user:meditor", Ct));
            return 0;
        });

        // The account is a real Identity account: found by name and e-mail, and a password link sets its password.
        await WithAccountsAsync(db, async users =>
        {
            var maria = await users.FindByNameAsync("meditor");
            Assert.NotNull(maria);
            Assert.Equal(maria.Id, (await users.FindByEmailAsync("M@HISTORY.example"))?.Id);
            Assert.False(await users.HasPasswordAsync(maria));
            var token = await users.GeneratePasswordResetTokenAsync(maria);
            Assert.True((await users.ResetPasswordAsync(maria, token, "maria's own long passphrase")).Succeeded);
            Assert.True(await users.CheckPasswordAsync(maria, "maria's own long passphrase"));
            Assert.True(await users.IsInRoleAsync(maria, Roles.Contributor));
            return "";
        });
    }

    [Fact]
    public async Task Uploads_AreProcessedIntoTheMediaLibraryWithTheCaptionAsCredit_AndUnusableFilesAreReported()
    {
        var db = await NewSiteAsync();

        var report = await ImportAsync(db);

        Assert.Contains(report.Notes, n => n.Message.Contains("attachment:51: the file gutenberg-press.jpg cannot be used", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Message.Contains("attachment:52: 2018/12/lost-photo.jpg is not in the uploads folder", StringComparison.Ordinal));
        Assert.Equal(4, report.Created);
        await ReadAsync(db, async site =>
        {
            var caesar = await site.Stories.Include(s => s.Image).SingleAsync(s => s.Title == "Assassination of Julius Caesar", Ct);
            var bust = caesar.Image!;
            Assert.Equal(("image/jpeg", 16, 10, "caesar-bust.jpg"), (bust.ContentType, bust.Width, bust.Height, bust.OriginalFileName));
            Assert.Equal([16], bust.VariantWidths);
            Assert.Equal("Bust of Caesar. Photo: Example Museum, public domain", bust.CreditText);
            Assert.Equal("A marble bust of Julius Caesar", bust.AltText);
            Assert.True(MediaKeys.IsValid(bust.StorageKey));
            var blobs = await site.MediaBlobs.Where(b => b.Key.StartsWith(bust.StorageKey + "/")).ToDictionaryAsync(b => b.Key, b => b.Bytes, Ct);
            Assert.Equal([$"{bust.StorageKey}/16.jpg", $"{bust.StorageKey}/16.webp"], blobs.Keys.Order());
            Assert.Equal([0xFF, 0xD8], blobs[$"{bust.StorageKey}/16.jpg"][..2]);

            var mexico = await site.Stories.Include(s => s.Image).SingleAsync(s => s.Title.StartsWith("Diplomatic Relations"), Ct);
            Assert.Equal((12, 8, "image/png"), (mexico.Image!.Width, mexico.Image.Height, mexico.Image.ContentType));
            Assert.Equal([12], mexico.Image.VariantWidths);

            // The broken file leaves its story with the reference (alt text, credit) and no picture.
            var gutenberg = await site.Stories.Include(s => s.Image).SingleAsync(s => s.Title == "Gutenberg Builds His Press", Ct);
            Assert.Equal(("A reconstruction of the press", 0), (gutenberg.Image!.CreditText, gutenberg.Image.VariantWidths.Count));
            Assert.Equal(4, await site.MediaBlobs.CountAsync(Ct));
            return 0;
        });
    }

    [Fact]
    public async Task WithoutUploads_ImagesStayReferencesAsBefore()
    {
        var db = await NewSiteAsync();

        var report = await ImportAsync(db, uploads: false);

        Assert.DoesNotContain(report.Notes, n => n.Message.Contains("cannot be used", StringComparison.Ordinal) || n.Message.Contains("uploads folder", StringComparison.Ordinal));
        await ReadAsync(db, async site =>
        {
            var caesar = await site.Stories.Include(s => s.Image).SingleAsync(s => s.Title == "Assassination of Julius Caesar", Ct);
            Assert.Equal(("wxr/47/caesar-bust.jpg", "Bust of Caesar. Photo: Example Museum, public domain"), (caesar.Image!.StorageKey, caesar.Image.CreditText));
            Assert.Empty(caesar.Image.VariantWidths);
            Assert.Equal(0, await site.MediaBlobs.CountAsync(Ct));
            return 0;
        });
    }

    private static async Task<string> NewSiteAsync()
    {
        var db = AlmanacProcess.NewDatabase();
        await using var services = Services(db);
        await using var scope = services.CreateAsyncScope();
        await AlmanacDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AlmanacDbContext>(), Ct);
        return db;
    }

    private static async Task<ImportReport> ImportAsync(string db, ImportOptions? options = null, bool uploads = true, string? path = null)
    {
        await using var services = Services(db);
        var reader = new WxrReader(path ?? SiteDatabase.Fixture("sample.wxr"), uploads ? SiteDatabase.Fixture("uploads") : null, includePages: false);
        return await Importer.RunAsync(services, reader, options ?? new ImportOptions(), null, Now, Ct);
    }

    /// <summary>The database, and the media store the CLI registers for --uploads (the default: the database).</summary>
    private static ServiceProvider Services(string db)
    {
        var services = new ServiceCollection()
            .AddAlmanacDatabase(AlmanacProcess.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, db);
        services.AddScoped<IMediaStore>(sp => new DatabaseMediaStore(sp.GetRequiredService<AlmanacDbContext>(), TimeProvider.System));
        return services.BuildServiceProvider();
    }

    private static Task<T> ReadAsync<T>(string db, Func<AlmanacDbContext, Task<T>> read) => SiteDatabase.ReadAsync(db, read);

    private static async Task<T> WithAccountsAsync<T>(string db, Func<UserManager<AlmanacUser>, Task<T>> work)
    {
        var services = new ServiceCollection().AddLogging()
            .AddAlmanacDatabase(AlmanacProcess.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, db);
        services.AddAlmanacDataProtection();
        services.AddAlmanacIdentityCore();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)).ToList())
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AlmanacUser>>());
    }

    /// <summary>Counts, then every comment, account and image as text (ids included: a second run must not move them).</summary>
    private static Task<string> SnapshotAsync(string db) => ReadAsync(db, async site =>
        string.Join("\n",
            $"{await site.Stories.CountAsync(Ct)} stories, {await site.Comments.CountAsync(Ct)} comments, {await site.Users.CountAsync(Ct)} users, "
                + $"{await site.Media.CountAsync(Ct)} media, {await site.MediaBlobs.CountAsync(Ct)} blobs, {await site.ImportedRecords.CountAsync(Ct)} records",
            string.Join(",", await site.Comments.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.StoryId}:{c.ParentId}:{c.Status}:{c.Body}:{c.DeleteKey}").ToListAsync(Ct)),
            string.Join(",", await site.Users.OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.UserName}:{u.SecurityStamp}:{u.ConcurrencyStamp}").ToListAsync(Ct)),
            string.Join(",", await site.Media.OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.StorageKey}:{m.CreditText}").ToListAsync(Ct)),
            string.Join(",", await site.Stories.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Slug}:{s.ImageId}:{s.UpdatedAtUtc.Ticks}").ToListAsync(Ct))));
}
