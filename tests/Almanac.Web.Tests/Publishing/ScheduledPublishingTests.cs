using System.Net;
using Almanac.Core.Calendar;
using Almanac.Core.Publishing;
using Almanac.Core.Stories;
using Almanac.Web.Features.Publishing;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Web.Tests.Publishing;

/// <summary>
/// The scheduler, driven by the app's fake clock (4 August 2024, 09:00 UTC at start). Each test has
/// an app of its own, so no other test's clock moves its stories.
/// </summary>
public class ScheduledPublishingTests
{
    private static readonly DateTime Ten = new(2024, 8, 4, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ScheduledStory_GoesLiveWhenTheClockReachesItsTime_AndItsDayPageIsEvicted()
    {
        await using var app = new AlmanacApp();
        var client = app.CreateReaderClient();
        int id = await AddStoryAsync(app, "1871-the-scheduled-story", "The Scheduled Story", 1871, 10, 9, StoryStatus.Scheduled, Ten);
        int other = await AddStoryAsync(app, "1902-a-story-on-another-day", "A Story on Another Day", 1902, 10, 10, StoryStatus.Published, null);

        app.Time.Advance(TimeSpan.FromMinutes(59));
        await using (var scope = app.OpenDb())
        {
            Assert.Equal(0, await scope.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/on-this-day/1871-the-scheduled-story", TestContext.Current.CancellationToken)).StatusCode);
        var before = await client.GetOkPageAsync("/day/october-9");
        Assert.DoesNotContain("The Scheduled Story", before.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Contains("A Story on Another Day", (await client.GetOkPageAsync("/day/october-10")).QuerySelector("main").Text(), StringComparison.Ordinal);

        // Behind the cache's back: the other day's cached page must keep the old title after the publication.
        await using (var scope = app.OpenDb())
        {
            await scope.Db.Stories.Where(s => s.Id == other).ExecuteUpdateAsync(u => u.SetProperty(s => s.Title, "Renamed Without Eviction"), TestContext.Current.CancellationToken);
        }

        app.Time.Advance(TimeSpan.FromMinutes(1));
        await WaitForAsync(app, id);

        await using (var scope = app.OpenDb())
        {
            var story = await scope.Db.Stories.AsNoTracking().SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal(StoryStatus.Published, story.Status);
            Assert.Equal(Ten, DateTime.SpecifyKind(story.PublishedAtUtc!.Value, DateTimeKind.Utc));
            var audit = await scope.Db.AuditEntries.AsNoTracking().SingleAsync(a => a.Subject == $"story:{id}", TestContext.Current.CancellationToken);
            Assert.Equal(("story.publish", null, "scheduler", "scheduled"), (audit.Action, audit.UserId, audit.UserName, audit.Details));
        }

        var page = await client.GetOkPageAsync("/on-this-day/1871-the-scheduled-story");
        Assert.Equal("1871: The Scheduled Story", page.QuerySelector("h1").Text());
        Assert.Contains("The Scheduled Story", (await client.GetOkPageAsync("/day/october-9")).QuerySelector("main").Text(), StringComparison.Ordinal);
        var otherDay = (await client.GetOkPageAsync("/day/october-10")).QuerySelector("main").Text();
        Assert.Contains("A Story on Another Day", otherDay, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed Without Eviction", otherDay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentRuns_PublishEachDueStoryOnce()
    {
        await using var app = new AlmanacApp();
        var ids = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add(await AddStoryAsync(app, $"190{i}-race-story-{i}", $"Race Story {i}", 1900 + i, 10, 11, StoryStatus.Scheduled, Ten));
        }

        // The runs see 10:30 while the app's own scheduler still sees 09:00 and leaves the stories alone.
        var later = new FakeTimeProvider(new DateTimeOffset(Ten.AddMinutes(30)));
        var pages = app.Services.GetRequiredService<StoryPages>();
        var scopes = Enumerable.Range(0, 3).Select(_ => app.OpenDb()).ToList();
        try
        {
            var runs = scopes.Select(s => new ScheduledPublisher(s.Db, pages, later, NullLogger<ScheduledPublisher>.Instance)
                .PublishDueAsync(TestContext.Current.CancellationToken));
            var counts = await Task.WhenAll(runs);
            Assert.Equal(ids.Count, counts.Sum());
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        await using (var scope = app.OpenDb())
        {
            var subjects = ids.Select(id => $"story:{id}").ToList();
            var audits = await scope.Db.AuditEntries.AsNoTracking().Where(a => subjects.Contains(a.Subject)).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(subjects.Order(), audits.Select(a => a.Subject).Order());
            Assert.All(audits, a => Assert.Equal(ScheduledPublishing.AuditAction, a.Action));
            Assert.Equal(ids.Count, await scope.Db.Stories.CountAsync(s => ids.Contains(s.Id) && s.Status == StoryStatus.Published, TestContext.Current.CancellationToken));
        }

        // A later run finds nothing left to do.
        await using (var scope = app.OpenDb())
        {
            Assert.Equal(0, await new ScheduledPublisher(scope.Db, pages, later, NullLogger<ScheduledPublisher>.Instance).PublishDueAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task PublishedStory_IsFoundBySearchAndListedAmongRelatedStories()
    {
        await using var app = new AlmanacApp();
        var client = app.CreateReaderClient();
        int id = await AddStoryAsync(app, "1871-zeppelinesque-balloon-crossing", "Zeppelinesque Balloon Crossing", 1871, 10, 12, StoryStatus.Scheduled, Ten);
        Assert.DoesNotContain("Zeppelinesque", await client.GetStringAsync("/search?q=zeppelinesque", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using (var scope = app.OpenDb())
        {
            // Related lists are ranked among published stories only: none yet.
            Assert.False(await scope.Db.StoryRelations.AnyAsync(r => r.StoryId == id, TestContext.Current.CancellationToken));
        }

        app.Time.Advance(TimeSpan.FromHours(1));
        await WaitForAsync(app, id);

        var results = await client.GetOkPageAsync("/search?q=zeppelinesque");
        Assert.Contains("Zeppelinesque Balloon Crossing", results.QuerySelector("main").Text(), StringComparison.Ordinal);
        await using var after = app.OpenDb();
        Assert.True(await after.Db.StoryRelations.AnyAsync(r => r.StoryId == id, TestContext.Current.CancellationToken));
    }

    private static async Task<int> AddStoryAsync(AlmanacApp app, string slug, string title, int year, int month, int day, StoryStatus status, DateTime? publishAtUtc)
    {
        await using var scope = app.OpenDb();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var story = new Story
        {
            Slug = slug,
            Title = title,
            Kind = StoryKind.Event,
            Date = HistoricalDate.OnDay(year, month, day),
            Summary = $"{title}, a story the scheduler tests own.",
            Status = status,
            PublishAtUtc = publishAtUtc,
            PublishedAtUtc = status == StoryStatus.Published ? now.AddDays(-1) : null,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        story.SetBody("A body for the scheduler tests.");
        story.Categories.Add(await scope.Db.Categories.OrderBy(c => c.Id).FirstAsync(TestContext.Current.CancellationToken));
        scope.Db.Stories.Add(story);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return story.Id;
    }

    // The background service runs on its own thread once the fake clock ticks: wait (up to 30 s of real time) for its audit entry.
    private static async Task WaitForAsync(AlmanacApp app, int id)
    {
        for (int attempt = 0; attempt < 300; attempt++)
        {
            await using (var scope = app.OpenDb())
            {
                if (await scope.Db.AuditEntries.AnyAsync(a => a.Subject == $"story:{id}", TestContext.Current.CancellationToken))
                {
                    return;
                }
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The scheduler did not publish story {id}.");
    }
}
