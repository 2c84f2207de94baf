using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace Almanac.Web.Hosting;

/// <summary>
/// What every machine-readable endpoint shares: CORS for GET from any origin, an anonymous rate limit
/// per client address with <c>Retry-After</c>, and errors as <c>application/problem+json</c>.
/// Endpoints opt in with <see cref="AsPublicApi{TBuilder}"/>.
/// </summary>
public static class PublicApi
{
    public const string CorsPolicy = "PublicGet";

    public const string RateLimitPolicy = "Anonymous";

    /// <summary>Paths whose errors are problem+json rather than the HTML error page: the APIs, and the muffinlabs-compatible <c>/date</c>.</summary>
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/date", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddPublicApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithExposedHeaders("ETag", "Last-Modified", "Retry-After", "Link")));

        // Api:RequestsPerMinute (default 120) requests per client address; a queue of none, so excess is refused at once.
        int perMinute = configuration.GetValue("Api:RequestsPerMinute", 120);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"This address made more than {perMinute} requests in a minute. Try again after {response.Headers.RetryAfter} seconds.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>CORS for GET and the anonymous rate limit, for one endpoint or a group.</summary>
    public static TBuilder AsPublicApi<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireCors(CorsPolicy).RequireRateLimiting(RateLimitPolicy);

    /// <summary>A 400 in problem+json naming what was wrong with the request.</summary>
    public static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    /// <summary>A 404 in problem+json.</summary>
    public static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    private static string ClientKey(HttpContext http) =>
        (http.Connection.RemoteIpAddress ?? IPAddress.Loopback).ToString();
}
