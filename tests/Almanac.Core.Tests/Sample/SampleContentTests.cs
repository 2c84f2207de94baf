using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Sample;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Tests.Sample;

public class SampleContentTests
{
    private static readonly IReadOnlyList<(SampleStory Story, HistoricalDate Date)> Samples =
        [.. SampleContent.Read().Select(s => (s, HistoricalDateParser.Parse(s.Date)))];

    [Fact]
    public void Samples_AreEnoughAndSpreadOverTheYear()
    {
        Assert.True(Samples.Count >= 80, $"{Samples.Count} sample stories");
        Assert.True(Samples.Select(s => s.Date.Placement).OfType<CalendarDay>().Distinct().Count() >= 40);
        Assert.Equal(StoryKinds.All.Order(), Samples.Select(s => Enum.Parse<StoryKind>(s.Story.Kind, ignoreCase: true)).Distinct().Order());
        Assert.True(Samples.SelectMany(s => s.Story.Categories).Distinct().Count() >= 5);
        Assert.True(Samples.SelectMany(s => s.Story.Topics).GroupBy(t => t).Count(g => g.Count() >= 3) >= 3, "several topics have three or more stories");
    }

    [Fact]
    public void Samples_IncludeTheRequiredStories()
    {
        var mexico = Assert.Single(Samples, s => s.Story.Title.Contains("Mexico", StringComparison.Ordinal) && s.Story.Title.Contains("USSR", StringComparison.Ordinal));
        Assert.Equal(new CalendarDay(8, 4), mexico.Date.Placement);
        Assert.Equal(1924, mexico.Date.Year);
        Assert.True(mexico.Story.Featured);

        Assert.Contains(Samples, s => s.Date.Placement == CalendarDay.LeapDay);
        Assert.Contains(Samples, s => s.Date.Year <= 0);
        Assert.Contains(Samples, s => s.Date.IsOldStyle);
        Assert.Contains(Samples, s => s.Date.Precision != DatePrecision.Day);
        Assert.Contains(Samples.GroupBy(s => s.Date.Placement), g => g.Key is not null && g.Select(s => s.Story.Kind).Distinct().Count() >= 3);
    }

    [Fact]
    public void Samples_HaveAtMostOneStoryOfTheDayPerDay()
    {
        var featured = Samples.Where(s => s.Story.Featured).ToList();
        Assert.All(featured, s => Assert.NotNull(s.Date.Placement));
        Assert.Equal(featured.Count, featured.Select(s => s.Date.Placement).Distinct().Count());
    }

    [Fact]
    public void Samples_AreComplete()
    {
        Assert.All(Samples, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Story.Title));
            Assert.InRange(s.Story.Summary.Length, 40, 400);
            Assert.True(s.Story.Body.Length > 400, $"{s.Story.Title}: body is too short");
            Assert.NotEmpty(s.Story.Categories);
            Assert.NotEmpty(s.Story.Topics);
            Assert.NotEmpty(s.Story.Sources);
        });
        Assert.Equal(Samples.Count, Samples.Select(s => Slugs.ForStory(s.Date.Year, s.Story.Title)).Distinct().Count());
    }

    [Fact]
    public async Task LoadAsync_IsIdempotent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"almanac-sample-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAlmanacDbContext>().UseSqlite($"Data Source={path}").Options;
            var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            await using (var db = new SqliteAlmanacDbContext(options))
            {
                await AlmanacDatabase.MigrateAsync(db, TestContext.Current.CancellationToken);
                Assert.Equal(Samples.Count, await SampleContent.LoadAsync(db, now, TestContext.Current.CancellationToken));
            }

            await using (var db = new SqliteAlmanacDbContext(options))
            {
                Assert.Equal(0, await SampleContent.LoadAsync(db, now, TestContext.Current.CancellationToken));
                Assert.Equal(Samples.Count, await db.Stories.CountAsync(TestContext.Current.CancellationToken));
                Assert.Equal(await db.Topics.Select(t => t.Slug).Distinct().CountAsync(TestContext.Current.CancellationToken), await db.Topics.CountAsync(TestContext.Current.CancellationToken));
                var revolution = await db.Stories.SingleAsync(s => s.Calendar == CalendarSystem.Julian && s.Year == 1917 && s.Month == 10, TestContext.Current.CancellationToken);
                Assert.Equal((11, 7), (revolution.PlacementMonth!.Value, revolution.PlacementDay!.Value));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
