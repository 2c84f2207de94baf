using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Almanac.Web.Features.Publishing;
using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Publishing;

/// <summary>
/// What a reader sees after <see cref="StoryPages.EvictAsync"/>. Every change here is written to the
/// database behind the cache's back, so a page that shows the change was evicted, and a page that
/// still shows an older text was served from the cache. This class owns 20–21 October, 22–23 November and 1871–1873 (each test its own month).
/// </summary>
public class StoryPagesEvictionTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publication_RefreshesEveryPageThatListsTheStory_AndLeavesAnotherDayCached()
    {
        var client = app.CreateReaderClient();
        await AddTagsAsync("eviction-test-category", "eviction-test-topic");
        await AddStoryAsync("1850-neighbour-on-october-20", "Neighbour on October 20", 1850, 10, 20, StoryStatus.Published);
        var other = await AddStoryAsync("1873-story-on-october-21", "Story on October 21", 1873, 10, 21, StoryStatus.Published);
        string[] listings =
        [
            "/day/october-20", "/year/1871", "/category/eviction-test-category", "/topic/eviction-test-topic",
            SiteLinks.Kind(StoryKind.Birth), "/on-this-day/1850-neighbour-on-october-20",
        ];
        foreach (var path in listings)
        {
            Assert.DoesNotContain("Newly Published Story", (await client.GetOkPageAsync(path)).QuerySelector("main").Text(), StringComparison.Ordinal);
        }

        string[] documents = ["/api/v1/days/10-20", "/api/v1/years/1871", "/feed.atom", "/sitemaps/stories-1.xml", "/anniversaries.ics"];
        foreach (var path in documents)
        {
            Assert.DoesNotContain("1871-newly-published-story", await client.GetStringAsync(path, Ct), StringComparison.Ordinal);
        }

        Assert.Contains("Story on October 21", (await client.GetOkPageAsync("/day/october-21")).QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal("1 story", OctoberTwentieth(await client.GetOkPageAsync("/month/october")));

        // Published straight into the database: nothing has evicted anything yet.
        var story = await AddStoryAsync("1871-newly-published-story", "Newly Published Story", 1871, 10, 20, StoryStatus.Published,
            kind: StoryKind.Birth, category: "eviction-test-category", topic: "eviction-test-topic");
        await RenameAsync(other.Id, "Renamed Behind the Cache");
        Assert.DoesNotContain("Newly Published Story", (await client.GetOkPageAsync("/day/october-20")).QuerySelector("main").Text(), StringComparison.Ordinal);

        await app.Services.GetRequiredService<StoryPages>().EvictAsync(story with { Status = StoryStatus.Scheduled }, story, Ct);

        foreach (var path in listings)
        {
            Assert.Contains("Newly Published Story", (await client.GetOkPageAsync(path)).QuerySelector("main").Text(), StringComparison.Ordinal);
        }

        foreach (var path in documents)
        {
            Assert.Contains("1871-newly-published-story", await client.GetStringAsync(path, Ct), StringComparison.Ordinal);
        }

        var otherDay = (await client.GetOkPageAsync("/day/october-21")).QuerySelector("main").Text();
        Assert.Contains("Story on October 21", otherDay, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed Behind the Cache", otherDay, StringComparison.Ordinal);
        Assert.Equal("2 stories", OctoberTwentieth(await client.GetOkPageAsync("/month/october")));
    }

    [Fact]
    public async Task EditInPlace_RefreshesThePagesShowingTheStory_AndLeavesAnotherDayCached()
    {
        var client = app.CreateReaderClient();
        var story = await AddStoryAsync("1872-story-edited-in-place", "Story Edited in Place", 1872, 11, 22, StoryStatus.Published);
        var other = await AddStoryAsync("1872-another-story-on-november-23", "Another Story on November 23", 1872, 11, 23, StoryStatus.Published);
        string[] pages = ["/on-this-day/1872-story-edited-in-place", "/day/november-22", "/year/1872", "/month/november"];
        foreach (var path in pages)
        {
            Assert.Contains("Story Edited in Place", (await client.GetOkPageAsync(path)).QuerySelector("main").Text(), StringComparison.Ordinal);
        }

        Assert.Contains("Another Story on November 23", (await client.GetOkPageAsync("/day/november-23")).QuerySelector("main").Text(), StringComparison.Ordinal);

        await RenameAsync(story.Id, "Story With a Better Title");
        await RenameAsync(other.Id, "Another Story Renamed Behind the Cache");
        Assert.Contains("Story Edited in Place", (await client.GetOkPageAsync("/day/november-22")).QuerySelector("main").Text(), StringComparison.Ordinal);

        await app.Services.GetRequiredService<StoryPages>().EvictAsync(story, story, Ct);

        foreach (var path in pages)
        {
            var text = (await client.GetOkPageAsync(path)).QuerySelector("main").Text();
            Assert.Contains("Story With a Better Title", text, StringComparison.Ordinal);
        }

        Assert.Contains("Another Story on November 23", (await client.GetOkPageAsync("/day/november-23")).QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryOfToday_RefreshesTheHomePageAndTodaysFeed()
    {
        // The site's today is 4 August (AlmanacApp's clock).
        var client = app.CreateReaderClient();
        Assert.DoesNotContain("Story for Today", (await client.GetOkPageAsync("/")).QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("1871-story-for-today", await client.GetStringAsync("/today.atom", Ct), StringComparison.Ordinal);

        var story = await AddStoryAsync("1871-story-for-today", "Story for Today", 1871, 8, 4, StoryStatus.Published, kind: StoryKind.Death);
        Assert.DoesNotContain("Story for Today", (await client.GetOkPageAsync("/")).QuerySelector("main").Text(), StringComparison.Ordinal);

        await app.Services.GetRequiredService<StoryPages>().EvictAsync(null, story, Ct);

        Assert.Contains("Story for Today", (await client.GetOkPageAsync("/")).QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Contains("1871-story-for-today", await client.GetStringAsync("/today.atom", Ct), StringComparison.Ordinal);
    }

    private static string OctoberTwentieth(AngleSharp.Dom.IDocument month) =>
        month.QuerySelectorAll("ol.month-grid > li")[19].QuerySelector(".month-day-count").Text();

    private async Task AddTagsAsync(string category, string topic)
    {
        await using var scope = app.OpenDb();
        scope.Db.Categories.Add(new Category { Slug = category, Name = "Eviction Test Category" });
        scope.Db.Topics.Add(new Topic { Slug = topic, Name = "Eviction Test Topic", Kind = TopicKind.Theme });
        await scope.Db.SaveChangesAsync(Ct);
    }

    private async Task<StoryPlacement> AddStoryAsync(string slug, string title, int year, int month, int day, StoryStatus status,
        StoryKind kind = StoryKind.Event, string? category = null, string? topic = null)
    {
        await using var scope = app.OpenDb();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var story = new Story
        {
            Slug = slug,
            Title = title,
            Kind = kind,
            Date = HistoricalDate.OnDay(year, month, day),
            Summary = $"{title}, a story the eviction tests own.",
            Status = status,
            PublishedAtUtc = now,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        story.SetBody("A body for the eviction tests.");
        if (category is not null)
        {
            story.Categories.Add(await scope.Db.Categories.SingleAsync(c => c.Slug == category, Ct));
        }

        if (topic is not null)
        {
            story.Topics.Add(await scope.Db.Topics.SingleAsync(t => t.Slug == topic, Ct));
        }

        scope.Db.Stories.Add(story);
        await scope.Db.SaveChangesAsync(Ct);
        return StoryPlacement.Of(story);
    }

    private async Task RenameAsync(int id, string title)
    {
        await using var scope = app.OpenDb();
        await scope.Db.Stories.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Title, title), Ct);
    }
}
