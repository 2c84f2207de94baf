using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Hosting;

public class CachingTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task StoryPage_IsServedFromTheCacheUntilItsTagIsEvicted()
    {
        // This test owns its story: a new one on a day no other test reads.
        int id;
        await using (var scope = app.OpenDb())
        {
            var story = new Story
            {
                Slug = "1492-cache-test-story",
                Title = "Cache Test Story",
                Kind = StoryKind.Event,
                Date = Core.Calendar.HistoricalDate.OnDay(1492, 6, 3),
                Summary = "A story that exists to be cached and changed.",
                Status = StoryStatus.Published,
                PublishedAtUtc = app.Time.GetUtcNow().UtcDateTime.AddDays(-1),
                UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
            };
            story.SetBody("First version.");
            scope.Db.Stories.Add(story);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = story.Id;
        }

        var client = app.CreateReaderClient();
        var first = await client.GetOkPageAsync("/on-this-day/1492-cache-test-story");
        Assert.Equal("1492: Cache Test Story", first.QuerySelector("h1").Text());
        var day = await client.GetOkPageAsync("/day/june-3");
        Assert.Contains("Cache Test Story", day.QuerySelector("main").Text(), StringComparison.Ordinal);

        await using (var scope = app.OpenDb())
        {
            await scope.Db.Stories.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Title, "Cache Test Story Renamed"), TestContext.Current.CancellationToken);
        }

        // Still the cached copy: the database changed behind the cache's back.
        Assert.Equal("1492: Cache Test Story", (await client.GetOkPageAsync("/on-this-day/1492-cache-test-story")).QuerySelector("h1").Text());

        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        await store.EvictByTagAsync(CacheTags.Story(id), TestContext.Current.CancellationToken);

        // Every page showing the story was tagged with it: the story page and its day page both refresh.
        Assert.Equal("1492: Cache Test Story Renamed", (await client.GetOkPageAsync("/on-this-day/1492-cache-test-story")).QuerySelector("h1").Text());
        Assert.Contains("Cache Test Story Renamed", (await client.GetOkPageAsync("/day/june-3")).QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignHostHeader_NeverReachesCanonicalLinks()
    {
        var client = app.CreateReaderClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/day/august-4");
        request.Headers.Host = "evil.test";
        request.Headers.Add("X-Forwarded-Host", "evil.test");
        var poisoned = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await poisoned.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("evil.test", html, StringComparison.Ordinal);

        var clean = await client.GetOkPageAsync("/day/august-4");
        Assert.Equal("https://almanac.test/day/august-4", clean.Canonical());
        Assert.DoesNotContain("evil.test", clean.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPages_CarryTheSecurityHeadersAndAreNotCached()
    {
        var response = await app.CreateReaderClient().GetAsync("/on-this-day/missing", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task PublicPages_RefuseStateChangingMethods(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/day/august-4");
        var response = await app.CreateReaderClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is 400 or 405, $"{method}: {response.StatusCode}");
    }
}
