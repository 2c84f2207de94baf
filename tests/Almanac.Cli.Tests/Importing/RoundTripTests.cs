using System.Diagnostics;
using Almanac.Core.Comments;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Redirects;
using Almanac.Core.Sample;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Cli.Tests.Importing;

public class RoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportThenImportIntoAnEmptySite_ReproducesEveryEntity()
    {
        var source = AlmanacProcess.NewDatabase();
        await AlmanacProcess.RunAsync("db", "migrate", "--connection", source);
        await SiteDatabase.ReadAsync(source, async db =>
        {
            var now = new DateTime(2024, 8, 4, 9, 0, 0, DateTimeKind.Utc);
            await SampleContent.LoadAsync(db, now, Ct);
            var story = await db.Stories.OrderBy(s => s.Id).FirstAsync(Ct);
            story.Image = new MediaItem { StorageKey = "2024/08/embassy.jpg", ContentType = "image/jpeg", Width = 1200, Height = 800, AltText = "The embassy", CreditText = "Wikimedia Commons", CreditUrl = "https://commons.example/embassy", Licence = "CC BY-SA 4.0", CreatedAtUtc = now };
            var moved = await db.Stories.OrderBy(s => s.Id).Skip(1).FirstAsync(Ct);
            moved.PlacementOverridden = true;
            moved.PlacementMonth = 12;
            moved.PlacementDay = 31;
            db.Redirects.Add(new Redirect { FromPath = "/on-this-day/an-old-slug/", ToPath = Redirect.ToStory(story.Slug), Source = "newsroom", CreatedAtUtc = now });
            db.Categories.Add(new Core.Topics.Category { Slug = "empty-category", Name = "Empty category", Description = "No stories yet" });
            moved.CommentsClosed = true;
            var question = new Comment { Story = story, AuthorName = "Ana", Email = "ana@example.org", Body = "Did the embassy open that year?\n\n<b>Just curious</b>  ", Status = CommentStatus.Approved, CreatedAtUtc = now.AddHours(1), IpHash = IpHash, DeleteKey = "0123456789ABCDEF0123456789ABCDEF" };
            db.Comments.AddRange(
                question,
                new Comment { Story = story, Parent = question, AuthorName = "Maria", Email = "m@history.example", Body = "It did.", Status = CommentStatus.Pending, CreatedAtUtc = now.AddHours(2), DeleteKey = "FEDCBA9876543210FEDCBA9876543210" },
                new Comment { Story = story, Parent = question, AuthorName = "Bob", Body = "Removed by its author.", Status = CommentStatus.Deleted, CreatedAtUtc = now.AddHours(3), DeleteKey = "00000000000000000000000000000001" },
                new Comment { Story = moved, AuthorName = "Cheap Watches", Email = "offers@spam.example", Body = "https://spam.example", Status = CommentStatus.Spam, CreatedAtUtc = now.AddHours(4), DeleteKey = "00000000000000000000000000000002" });
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        var file = SiteDatabase.TempFile("site.jsonl");
        var target = AlmanacProcess.NewDatabase();

        var export = await AlmanacProcess.RunAsync("export", "jsonl", file, "--connection", source);
        var import = await AlmanacProcess.RunAsync("import", "jsonl", file, "--connection", target);

        Assert.Equal(0, export.ExitCode);
        Assert.Contains("Exported 86 stories", export.Output, StringComparison.Ordinal);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Created 86 stories", import.Output, StringComparison.Ordinal);
        Assert.Contains("4 comments (0 updated)", import.Output, StringComparison.Ordinal);
        Assert.Equal(await DescribeAsync(source), await DescribeAsync(target));
        Assert.DoesNotContain(IpHash, await File.ReadAllTextAsync(file, Ct), StringComparison.Ordinal);
        Assert.Equal(0, await SiteDatabase.ReadAsync(target, db => db.Comments.CountAsync(c => c.IpHash != null, Ct)));
    }

    private const string IpHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /// <summary>Every exported entity as text, keyed by slug or path rather than by id (ids may differ).</summary>
    private static Task<List<string>> DescribeAsync(string connectionString) => SiteDatabase.ReadAsync(connectionString, async db =>
    {
        var lines = new List<string>();
        foreach (var s in await db.Stories.AsNoTracking().Include(s => s.Categories).Include(s => s.Topics).Include(s => s.Sources)
            .Include(s => s.Features).Include(s => s.Image).AsSplitQuery().OrderBy(s => s.Slug).ToListAsync(Ct))
        {
            lines.Add(string.Join("|", s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa,
                s.PlacementMonth, s.PlacementDay, s.PlacementOverridden, s.Summary, string.Join("¶", s.Highlights), s.Body, s.BodyHtml,
                s.Status, s.AuthorName, Ticks(s.CreatedAtUtc), Ticks(s.PublishedAtUtc), Ticks(s.UpdatedAtUtc),
                string.Join(",", s.Categories.Select(c => c.Slug).Order()), string.Join(",", s.Topics.Select(t => t.Slug).Order()),
                string.Join(",", s.Sources.OrderBy(x => x.Position).Select(x => $"{x.Position}:{x.Title}<{x.Url}>")),
                s.Image is { } i ? $"{i.StorageKey};{i.ContentType};{i.Width}x{i.Height};{i.AltText};{i.CreditText};{i.CreditUrl};{i.Licence}" : "",
                string.Join(",", s.Features.Select(f => $"{f.Month}-{f.Day}")), s.CommentsClosed));
        }

        lines.AddRange((await db.Categories.AsNoTracking().ToListAsync(Ct)).Select(c => $"category {c.Slug}|{c.Name}|{c.Description}").Order());
        lines.AddRange((await db.Topics.AsNoTracking().ToListAsync(Ct)).Select(t => $"topic {t.Slug}|{t.Name}|{t.Description}").Order());
        lines.AddRange((await db.Media.AsNoTracking().ToListAsync(Ct)).Select(m => $"media {m.StorageKey}|{m.AltText}|{m.CreditText}|{m.Licence}|{Ticks(m.CreatedAtUtc)}").Order());
        lines.AddRange((await db.Redirects.AsNoTracking().ToListAsync(Ct)).Select(r => $"redirect {r.FromPath}|{r.ToPath}|{r.Source}").Order());
        // Comments by their story's slug; a reply names its parent by the parent's deletion key (ids differ).
        lines.AddRange((await db.Comments.AsNoTracking().Include(c => c.Story).Include(c => c.Parent).ToListAsync(Ct))
            .Select(c => $"comment {c.Story!.Slug}|{c.Parent?.DeleteKey}|{c.AuthorName}|{c.Email}|{c.Body}|{c.Status}|{Ticks(c.CreatedAtUtc)}|{c.DeleteKey}").Order());
        lines.Add($"search index rows: {await CountSearchRowsAsync(db)}");
        return lines;
    });

    // Microsecond precision: what both databases keep.
    private static long? Ticks(DateTime? t) => t is { } v ? v.Ticks / 10 : null;

    private static async Task<long> CountSearchRowsAsync(AlmanacDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = AlmanacProcess.IsPostgres ? "SELECT count(*) FROM \"StorySearch\"" : "SELECT count(*) FROM StorySearch";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public class ResumeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnImportKilledMidway_FinishesOnTheNextRunWithExactlyTheExpectedRows()
    {
        const int Stories = 3000;
        var file = SiteDatabase.TempFile("large.jsonl");
        await AlmanacProcess.RunAsync("generate", "--stories", Stories.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "11", "--jsonl", file);
        var db = AlmanacProcess.NewDatabase();
        await AlmanacProcess.RunAsync("db", "migrate", "--connection", db);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (AlmanacProcess.IsPostgres)
        {
            start.Environment["Database__Provider"] = "Postgres";
        }

        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "almanac.dll"), "import", "jsonl", file, "--batch-size", "100", "--no-related", "--connection", db })
        {
            start.ArgumentList.Add(arg);
        }

        int landed;
        using (var process = Process.Start(start)!)
        {
            // Kill -9 as soon as a first batch has landed, while later ones are being written.
            do
            {
                await Task.Delay(50, Ct);
                landed = await SiteDatabase.ReadAsync(db, d => d.Stories.CountAsync(Ct));
            }
            while (landed == 0 && !process.HasExited);

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }

        int afterKill = await SiteDatabase.ReadAsync(db, d => d.Stories.CountAsync(Ct));
        var rerun = await AlmanacProcess.RunAsync("import", "jsonl", file, "--batch-size", "100", "--connection", db);

        Assert.InRange(afterKill, 1, Stories - 1);
        Assert.Equal(0, afterKill % 100);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"Created {Stories - afterKill} stories, 0 updated, {afterKill} skipped", rerun.Output, StringComparison.Ordinal);
        await SiteDatabase.ReadAsync(db, async d =>
        {
            Assert.Equal(Stories, await d.Stories.CountAsync(Ct));
            Assert.Equal(Stories, await d.Stories.Select(s => s.Slug).Distinct().CountAsync(Ct));
            Assert.Equal(Stories, await d.ImportedRecords.CountAsync(Ct));
            Assert.Equal(Stories, await d.Sources.CountAsync(Ct));
            Assert.False(await d.Stories.AnyAsync(s => s.Slug.EndsWith("-2"), Ct));
            return 0;
        });
    }
}
