using System.Net;
using Almanac.Web.Features.MostRead;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.MostRead;

/// <summary>The site with the periodic flush an hour away, so tests flush when they choose.</summary>
public sealed class ManualFlushApp : AlmanacApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("MostRead:FlushInterval", "01:00:00")];
}

public class MostReadCountingTests(ManualFlushApp app) : IClassFixture<ManualFlushApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0";

    [Fact]
    public async Task AReaderReloadingAStory_IsCountedOnce()
    {
        var slug = await SlugAsync(0);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ReadAsync(slug, $"{Browser} reloader")).StatusCode);
        }

        Assert.Equal(1, await FlushAndCountAsync(slug));
    }

    [Fact]
    public async Task DifferentReaders_AddUp_AndCachedPagesCountToo()
    {
        var slug = await SlugAsync(1);
        var first = await ReadAsync(slug, $"{Browser} first");
        var second = await ReadAsync(slug, $"{Browser} second");
        await ReadAsync(slug, $"{Browser} third");

        Assert.Empty(first.Headers.Age.HasValue ? ["age"] : Array.Empty<string>());
        Assert.True(second.Headers.Age.HasValue, "the second read is served from the output cache");
        Assert.Equal(3, await FlushAndCountAsync(slug));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0)")]
    [InlineData("facebookexternalhit/1.1")]
    [InlineData("")]
    public async Task Robots_AndRequestsWithoutAUserAgent_AreNotCounted(string agent)
    {
        var slug = await SlugAsync(2);

        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(slug, agent)).StatusCode);

        Assert.Equal(0, await FlushAndCountAsync(slug));
    }

    [Fact]
    public async Task Prefetches_AreNotCounted()
    {
        var slug = await SlugAsync(3);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/on-this-day/{slug}");
        request.Headers.UserAgent.ParseAdd($"{Browser} prefetcher");
        request.Headers.Add("Sec-Purpose", "prefetch");
        await app.CreateReaderClient().SendAsync(request, Ct);

        Assert.Equal(0, await FlushAndCountAsync(slug));
    }

    [Fact]
    public async Task AClientOpeningStoriesFasterThanAPerson_IsCountedOnlyUpToTheLimit()
    {
        var slugs = await SlugsAsync(10, 30);
        foreach (var slug in slugs)
        {
            await ReadAsync(slug, $"{Browser} scraper");
        }

        await app.Services.GetRequiredService<ReadFlusher>().FlushAsync(Ct);
        await using var scope = app.OpenDb();
        var counted = await scope.Db.StoryReads.Where(r => slugs.Contains(scope.Db.Stories.First(s => s.Id == r.StoryId).Slug)).SumAsync(r => r.Count, Ct);
        Assert.Equal(new MostReadOptions().MaxStoriesPerMinute, counted);
    }

    [Fact]
    public async Task MissingStoriesAndOtherPages_AreNotCounted()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync("no-such-story", $"{Browser} lost")).StatusCode);
        await ReadAsync("../day/august-4", $"{Browser} lost");

        Assert.Equal(0, await app.Services.GetRequiredService<ReadFlusher>().FlushAsync(Ct));
    }

    private async Task<HttpResponseMessage> ReadAsync(string slug, string agent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/on-this-day/{slug}");
        if (agent.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
        }

        return await app.CreateReaderClient().SendAsync(request, Ct);
    }

    private async Task<int> FlushAndCountAsync(string slug)
    {
        await app.Services.GetRequiredService<ReadFlusher>().FlushAsync(Ct);
        await using var scope = app.OpenDb();
        var id = await scope.Db.Stories.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync(Ct);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        return await scope.Db.StoryReads.Where(r => r.StoryId == id && r.Day == today).Select(r => r.Count).SingleOrDefaultAsync(Ct);
    }

    private async Task<string> SlugAsync(int index) => (await SlugsAsync(index, 1))[0];

    private async Task<List<string>> SlugsAsync(int skip, int take)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.Stories.OrderBy(s => s.Id).Skip(skip).Take(take).Select(s => s.Slug).ToListAsync(Ct);
    }
}

public class MostReadFlushTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_AreWrittenByTheBackgroundFlush_NotByTheRequest_AndCountPerUtcDay()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/on-this-day/{Samples.MexicoUssr}");
        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateReaderClient().SendAsync(request, Ct)).StatusCode);
        Assert.Equal(0, await CountAsync());

        // The flush runs on the site's clock: five seconds later the batch is written.
        app.Time.Advance(new MostReadOptions().FlushInterval);
        for (int i = 0; i < 200 && await CountAsync() == 0; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(1, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.OpenDb();
        return await scope.Db.StoryReads.SumAsync(r => r.Count, Ct);
    }
}
