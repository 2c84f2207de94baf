using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Cli.Tests.Importing;

public class OtherFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportCsv_ReadsTheDocumentedColumnsAndReportsBadRowsByLine()
    {
        var db = AlmanacProcess.NewDatabase();

        var (exitCode, output) = await AlmanacProcess.RunAsync("import", "csv", SiteDatabase.Fixture("stories.csv"), "--connection", db);

        Assert.Equal(0, exitCode);
        Assert.Contains("Created 3 stories", output, StringComparison.Ordinal);
        Assert.Contains("bad record stories.csv:6: date: February 1924 has 29 days", output, StringComparison.Ordinal);
        Assert.Contains("bad record stories.csv:8: the title is empty", output, StringComparison.Ordinal);
        Assert.Contains("bad record stories.csv:9: kind \"holiday\"", output, StringComparison.Ordinal);
        await SiteDatabase.ReadAsync(db, async site =>
        {
            var mexico = await site.Stories.Include(s => s.Sources).Include(s => s.Topics).Include(s => s.Features)
                .SingleAsync(s => s.Year == 1924, Ct);
            Assert.Equal(["Historical event", "4 August 1924"], mexico.Highlights);
            Assert.Contains("<strong>Mexico</strong>", mexico.BodyHtml, StringComparison.Ordinal);
            Assert.Equal([("Embassy archive", "https://example.org/embassy"), ("A book without a link", null)], mexico.Sources.OrderBy(s => s.Position).Select(s => (s.Title, s.Url)));
            Assert.Equal(["mexico", "ussr"], mexico.Topics.Select(t => t.Slug).Order());
            Assert.Equal([(8, 4)], mexico.Features.Select(f => (f.Month, f.Day)));
            Assert.Equal(StoryStatus.Draft, (await site.Stories.SingleAsync(s => s.Year == 1450, Ct)).Status);
            Assert.Equal(StoryKind.Death, (await site.Stories.SingleAsync(s => s.Year == -43, Ct)).Kind);
            return 0;
        });
    }

    [Fact]
    public async Task ImportCsv_StrictStopsAtTheFirstBadRowAndUpdateOverwritesOnlyWhenAsked()
    {
        var db = AlmanacProcess.NewDatabase();
        var csv = SiteDatabase.TempFile("stories.csv");
        await File.WriteAllTextAsync(csv, "id,date,title,summary\nx1,4 August 1924,Mexico and the USSR,First summary.\nx2,1 May 1886,Haymarket,Chicago.\n", Ct);

        var strict = await AlmanacProcess.RunAsync("import", "csv", SiteDatabase.Fixture("stories.csv"), "--strict", "--connection", db);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("Stopped at the first bad record", strict.Output, StringComparison.Ordinal);

        await AlmanacProcess.RunAsync("import", "csv", csv, "--connection", db);
        await File.WriteAllTextAsync(csv, "id,date,title,summary\nx1,4 August 1924,Mexico and the USSR,Second summary.\nx2,1 May 1886,Haymarket,Chicago.\n", Ct);
        var withoutUpdate = await AlmanacProcess.RunAsync("import", "csv", csv, "--connection", db);
        string Summary() => SiteDatabase.ReadAsync(db, site => site.Stories.Where(s => s.Year == 1924).Select(s => s.Summary).SingleAsync(Ct)).GetAwaiter().GetResult();
        Assert.Equal("First summary.", Summary());
        var update = await AlmanacProcess.RunAsync("import", "csv", csv, "--update", "--connection", db);
        var again = await AlmanacProcess.RunAsync("import", "csv", csv, "--update", "--connection", db);

        Assert.Contains("Created 0 stories, 0 updated, 2 skipped", withoutUpdate.Output, StringComparison.Ordinal);
        Assert.Contains("Created 0 stories, 1 updated, 1 skipped", update.Output, StringComparison.Ordinal);
        Assert.Equal("Second summary.", Summary());
        Assert.Contains("Created 0 stories, 0 updated, 2 skipped", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, await SiteDatabase.ReadAsync(db, site => site.Stories.CountAsync(Ct)));
    }

    [Fact]
    public async Task ImportBsdCalendar_PlacesDatedEntriesAndReportsTheRest()
    {
        var db = AlmanacProcess.NewDatabase();

        var (exitCode, output) = await AlmanacProcess.RunAsync("import", "bsd-calendar", SiteDatabase.Fixture("bsd/calendar.almanac"), "--connection", db);

        Assert.Equal(0, exitCode);
        Assert.Contains("Created 5 stories", output, StringComparison.Ordinal);
        Assert.Contains("calendar.almanac:11: no year", output, StringComparison.Ordinal);
        Assert.Contains("\"Easter-47\" is not a fixed day", output, StringComparison.Ordinal);
        Assert.Contains("02/29 does not exist in 1900", output, StringComparison.Ordinal);
        Assert.Contains("\"05/04*\" is not a fixed day", output, StringComparison.Ordinal);
        Assert.Contains("#include ../../../../../../etc/passwd: no such file inside", output, StringComparison.Ordinal);
        await SiteDatabase.ReadAsync(db, async site =>
        {
            var stories = await site.Stories.ToListAsync(Ct);
            Assert.Contains(stories, s => s.Title == "Mexico and the USSR establish diplomatic relations" && s.Date == HistoricalDate.OnDay(1924, 8, 4));
            Assert.Contains(stories, s => s.Title == "The Treaty of Somewhere is signed in 1850 by three envoys" && s.Date == HistoricalDate.OnDay(1850, 8, 4));
            Assert.Contains(stories, s => s.Title == "Julius Caesar dies in the Senate" && s.Date == HistoricalDate.OnDay(-43, 3, 15) && s.Kind == StoryKind.Death);
            Assert.Contains(stories, s => s.Title == "Canada and the United States agree on a plan to preserve Niagara Falls" && s.Date == HistoricalDate.OnDay(1929, 1, 2));
            Assert.Contains(stories, s => s.Title == "Álvaro Obregón is born in Sonora" && s.Kind == StoryKind.Birth);
            Assert.DoesNotContain(stories, s => s.Title.Contains("root:", StringComparison.Ordinal));
            return 0;
        });
    }

    [Fact]
    public async Task ImportWikimedia_ReadsTheFeedShapeWithTheDayFromTheFileName()
    {
        var db = AlmanacProcess.NewDatabase();

        var (exitCode, output) = await AlmanacProcess.RunAsync("import", "wikimedia", SiteDatabase.Fixture("08-04.json"), "--connection", db);
        var again = await AlmanacProcess.RunAsync("import", "wikimedia", SiteDatabase.Fixture("08-04.json"), "--connection", db);

        Assert.Equal(0, exitCode);
        Assert.Contains("Created 5 stories", output, StringComparison.Ordinal);
        Assert.Contains("holidays[0]: no year", output, StringComparison.Ordinal);
        Assert.Contains("Created 0 stories", again.Output, StringComparison.Ordinal);
        await SiteDatabase.ReadAsync(db, async site =>
        {
            var selected = await site.Stories.Include(s => s.Features).Include(s => s.Sources).SingleAsync(s => s.Year == 1924, Ct);
            Assert.Equal([(8, 4)], selected.Features.Select(f => (f.Month, f.Day)));
            Assert.Equal("Mexico was the first country in the Americas to recognise the USSR.", selected.Summary);
            Assert.Equal("Mexico–Soviet Union relations", selected.Sources.Single().Title);
            // Wikimedia's -70 is 70 BC, astronomical year -69.
            Assert.True(await site.Stories.AnyAsync(s => s.Year == -69 && s.Kind == StoryKind.Birth, Ct));
            return 0;
        });
    }

    [Fact]
    public async Task ImportWikimedia_WithoutADayIsBadInput()
    {
        var feed = SiteDatabase.TempFile("feed.json");
        File.Copy(SiteDatabase.Fixture("08-04.json"), feed);

        var (exitCode, output) = await AlmanacProcess.RunAsync("import", "wikimedia", feed, "--connection", AlmanacProcess.NewDatabase());

        Assert.Equal(1, exitCode);
        Assert.Contains("--day", output, StringComparison.Ordinal);
    }
}
