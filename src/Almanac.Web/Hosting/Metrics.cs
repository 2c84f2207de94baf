using System.Diagnostics.Metrics;
using Almanac.Core.Data;
using Microsoft.AspNetCore.OutputCaching;
using OpenTelemetry.Metrics;

namespace Almanac.Web.Hosting;

/// <summary>
/// Metrics in Prometheus format at <c>/metrics</c> (OpenTelemetry): request rates and durations
/// (ASP.NET Core's own <c>http.server.request.duration</c>), Kestrel connections, the output cache's
/// hits and misses (<c>almanac.output_cache.requests</c>, so the hit ratio is hits / all), and
/// database time (<c>almanac.db.command.duration</c>).
/// </summary>
public static class Metrics
{
    private static readonly Meter Meter = new(DatabaseMetrics.MeterName);

    private static readonly Counter<long> CacheRequests = Meter.CreateCounter<long>(
        "almanac.output_cache.requests", description: "Cacheable GET requests, by whether the output cache answered them");

    public static IServiceCollection AddSiteMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", DatabaseMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Counts, for endpoints with an output-cache policy, whether the answer came from the cache (it then carries Age).</summary>
    public static IApplicationBuilder UseOutputCacheMetrics(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var metadata = http.GetEndpoint()?.Metadata;
            if (HttpMethods.IsGet(http.Request.Method)
                && (metadata?.GetMetadata<IOutputCachePolicy>() is not null || metadata?.GetMetadata<OutputCacheAttribute>() is not null))
            {
                http.Response.OnStarting(() =>
                {
                    if (http.Response.StatusCode == StatusCodes.Status200OK)
                    {
                        CacheRequests.Add(1, new KeyValuePair<string, object?>("result", http.Response.Headers.Age.Count > 0 ? "hit" : "miss"));
                    }

                    return Task.CompletedTask;
                });
            }

            return next(http);
        });

    public static IEndpointRouteBuilder MapSiteMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
