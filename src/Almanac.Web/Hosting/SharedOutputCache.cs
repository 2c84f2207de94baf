using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Almanac.Web.Hosting;

/// <summary>
/// With <c>ConnectionStrings:Redis</c> set, the output cache lives in Redis, shared by every app node,
/// with tag eviction across nodes (Microsoft.AspNetCore.OutputCaching.StackExchangeRedis). Redis is a
/// cache, not a dependency: when it is unreachable the site serves uncached, and
/// <see cref="ResilientOutputCacheStore"/> makes sure no stale page survives an eviction it missed.
/// </summary>
public static class SharedOutputCache
{
    public static IServiceCollection AddSharedOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connection))
        {
            return services;
        }

        // Fail fast while disconnected instead of queueing commands: a page must not wait for Redis.
        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.ConfigurationOptions = options;
            o.InstanceName = configuration["Caching:RedisPrefix"] ?? "almanac:";
        });

        var redis = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp => new ResilientOutputCacheStore(
            (IOutputCacheStore)(redis.ImplementationInstance
                ?? redis.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, redis.ImplementationType!)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));
        return services;
    }

    private static void RemoveAll<T>(this IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T)).ToList())
        {
            services.Remove(descriptor);
        }
    }
}

/// <summary>
/// An output-cache store that turns Redis failures into cache misses. After a failure it leaves
/// Redis alone for <see cref="PauseAfterFailure"/>, so pages are not slowed by a dead server. An
/// eviction that could not reach Redis is remembered; once Redis answers again, every page entry is
/// evicted (tag <see cref="CacheTags.Pages"/>), because any of them may be stale.
/// </summary>
public sealed partial class ResilientOutputCacheStore(IOutputCacheStore inner, TimeProvider time, ILogger<ResilientOutputCacheStore> logger)
    : IOutputCacheStore, IOutputCacheBufferStore
{
    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(5);

    private long pausedUntilTicks;
    private int evictionMissed;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        await RunAsync(async () =>
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
            return true;
        }, false, evicting: true);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        await RunAsync(() => inner.GetAsync(key, cancellationToken), null);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await RunAsync(async () =>
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            return true;
        }, false);

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken) =>
        inner is IOutputCacheBufferStore buffer
            ? await RunAsync(() => buffer.TryGetAsync(key, destination, cancellationToken), false)
            : await TryGetThroughBytesAsync(key, destination, cancellationToken);

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (inner is IOutputCacheBufferStore buffer)
        {
            await RunAsync(async () =>
            {
                await buffer.SetAsync(key, value, tags, validFor, cancellationToken);
                return true;
            }, false);
        }
        else
        {
            await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
        }
    }

    private async ValueTask<bool> TryGetThroughBytesAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (await GetAsync(key, cancellationToken) is not { } bytes)
        {
            return false;
        }

        await destination.WriteAsync(bytes, cancellationToken);
        return true;
    }

    private async ValueTask<T> RunAsync<T>(Func<ValueTask<T>> operation, T whenUnavailable, bool evicting = false)
    {
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref pausedUntilTicks))
        {
            if (evicting)
            {
                Volatile.Write(ref evictionMissed, 1);
            }

            return whenUnavailable;
        }

        try
        {
            if (Interlocked.Exchange(ref evictionMissed, 0) == 1)
            {
                await inner.EvictByTagAsync(CacheTags.Pages, CancellationToken.None);
                LogRecovered(logger);
            }

            return await operation();
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            // Any failure may hide a lost eviction (this one, the flush above, or one made while
            // Redis restarted), so the next successful call starts by evicting every page.
            Volatile.Write(ref evictionMissed, 1);
            Interlocked.Exchange(ref pausedUntilTicks, time.GetUtcNow().Add(PauseAfterFailure).UtcTicks);
            LogUnavailable(logger, PauseAfterFailure.TotalSeconds, ex.Message);
            return whenUnavailable;
        }
    }

    // The Redis store surfaces some failures wrapped in an AggregateException.
    private static bool IsRedisFailure(Exception ex) =>
        ex is RedisException or TimeoutException
        || (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsRedisFailure));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared output cache (Redis) is unavailable; serving uncached for {Seconds} s: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The shared output cache (Redis) answers again; evicted every page entry, since an eviction was missed")]
    private static partial void LogRecovered(ILogger logger);
}
