using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Hosting;

/// <summary>An app node whose output cache lives in a shared Redis.</summary>
public sealed class RedisNode(string redis, string prefix) : AlmanacApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("ConnectionStrings:Redis", redis), new("Caching:RedisPrefix", prefix)];

    public IOutputCacheStore Store => Services.GetRequiredService<IOutputCacheStore>();
}

public class SharedCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoNodes_ShareCachedPagesAndEvictionsThroughRedis()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = $"almanac-{Guid.NewGuid():N}:";
        await using var nodeA = new RedisNode(redis.Connection, prefix);
        await using var nodeB = new RedisNode(redis.Connection, prefix);
        Assert.IsType<ResilientOutputCacheStore>(nodeA.Store);

        var fromA = await nodeA.CreateReaderClient().GetStringAsync("/day/august-4", Ct);
        Assert.Contains("Mexico and the USSR", fromA, StringComparison.Ordinal);
        Assert.True(await redis.CountKeysAsync(prefix) > 0);

        // Node B's database says something else, but B serves the page A cached.
        int id = await RetitleAsync(nodeB, "Mexico and the Soviet Union Exchange Envoys");
        var fromB = await nodeB.CreateReaderClient().GetStringAsync("/day/august-4", Ct);
        Assert.Contains("Mexico and the USSR", fromB, StringComparison.Ordinal);

        // An eviction on B reaches the shared entry: B now renders its own data.
        await nodeB.Store.EvictByTagAsync(CacheTags.Story(id), Ct);
        var afterEviction = await nodeB.CreateReaderClient().GetStringAsync("/day/august-4", Ct);
        Assert.Contains("Mexico and the Soviet Union Exchange Envoys", afterEviction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenRedisStops_TheSiteServesUncachedAndCachesAgainWhenItReturns()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = $"almanac-{Guid.NewGuid():N}:";
        await using var node = new RedisNode(redis.Connection, prefix);
        var client = node.CreateReaderClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/day/august-4", Ct)).StatusCode);

        await redis.StopAsync();
        foreach (var path in new[] { "/", "/day/august-4", "/day/august-5", $"/on-this-day/{Samples.MexicoUssr}", "/api/v1/days/08-04" })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(path, Ct)).StatusCode);
        }

        await redis.StartAgainAsync();
        await WaitUntilAsync(async () =>
        {
            node.Time.Advance(ResilientOutputCacheStore.PauseAfterFailure + TimeSpan.FromSeconds(1));
            await client.GetAsync("/day/august-6", Ct);
            return await redis.CountKeysAsync(prefix) > 0;
        });
    }

    [Fact]
    public async Task AnEvictionRedisMissed_IsMadeGoodWhenItAnswersAgain()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = $"almanac-{Guid.NewGuid():N}:";
        await using var node = new RedisNode(redis.Connection, prefix);
        var client = node.CreateReaderClient();
        Assert.Contains("Mexico and the USSR", await client.GetStringAsync("/day/august-4", Ct), StringComparison.Ordinal);

        // Redis goes down with the page on disk; the eviction after an edit cannot reach it.
        await redis.StopKeepingDataAsync();
        int id = await RetitleAsync(node, "Mexico and the Soviet Union Exchange Envoys");
        await node.Store.EvictByTagAsync(CacheTags.Story(id), Ct);

        // Meanwhile the page is rendered fresh.
        Assert.Contains("Exchange Envoys", await client.GetStringAsync("/day/august-4", Ct), StringComparison.Ordinal);

        // Redis comes back with the stale entry; it is never served.
        await redis.StartAgainAsync();
        Assert.True(await redis.CountKeysAsync(prefix) > 0);
        // Until a response comes from the cache again (it carries Age), every response is the new one.
        await WaitUntilAsync(async () =>
        {
            node.Time.Advance(ResilientOutputCacheStore.PauseAfterFailure + TimeSpan.FromSeconds(1));
            var response = await client.GetAsync("/day/august-4", Ct);
            Assert.Contains("Exchange Envoys", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            return response.Headers.Age is not null;
        });
    }

    private static async Task<int> RetitleAsync(AlmanacApp app, string title)
    {
        await using var scope = app.OpenDb();
        var story = await scope.Db.Stories.SingleAsync(s => s.Slug == Samples.MexicoUssr, Ct);
        story.Title = title;
        await scope.Db.SaveChangesAsync(Ct);
        return story.Id;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        // Real seconds: the Redis client reconnects on its own schedule.
        for (int i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail("The condition did not hold within fifteen seconds.");
    }
}
