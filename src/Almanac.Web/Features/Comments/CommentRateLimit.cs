using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Almanac.Core.Comments;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Comments;

/// <summary>
/// Two limits on sending comments, both checked for every post: per client address, and per story
/// (from everyone together, against a flood on one story). A refusal is a 429 with <c>Retry-After</c>,
/// shown by the site's error page.
/// </summary>
public sealed class CommentRateLimit : IRateLimiterPolicy<string>
{
    private readonly PartitionedRateLimiter<(string Address, string Story)> limits;
    private readonly TimeSpan window;

    public CommentRateLimit(IOptions<CommentOptions> options)
    {
        var o = options.Value;
        window = TimeSpan.FromSeconds(o.RateLimitWindowSeconds);
        limits = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Address, string Story), string>(k => RateLimitPartition.GetFixedWindowLimiter(k.Address, _ => Window(o.PerAddressLimit))),
            PartitionedRateLimiter.Create<(string Address, string Story), string>(k => RateLimitPartition.GetFixedWindowLimiter(k.Story, _ => Window(o.PerStoryLimit))));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        // No body: the status-code pages show the site's 429 page.
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var key = ((httpContext.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString(), httpContext.GetRouteValue("slug") as string ?? "");
        return RateLimitPartition.Get($"{key.Item1} {key.Item2}", _ => new KeyedLimiter(limits, key));
    }

    private FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };

    /// <summary>The chained limits seen from one (address, story) pair; holds no state of its own.</summary>
    private sealed class KeyedLimiter(PartitionedRateLimiter<(string, string)> inner, (string, string) key) : RateLimiter
    {
        // Always "idle", so the middleware drops this view at its next sweep instead of keeping one per
        // address and story forever; the counts live in the inner limits, which expire their own partitions.
        public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

        public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics(key);

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(key, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            inner.AcquireAsync(key, permitCount, cancellationToken);
    }
}
