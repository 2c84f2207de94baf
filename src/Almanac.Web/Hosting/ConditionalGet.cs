using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web.Hosting;

/// <summary>
/// Answers a GET with a finished body, its ETag (a hash of the bytes) and Last-Modified, or with 304
/// when the client's copy is current. Feeds, calendars and the JSON API all answer this way.
/// </summary>
public static class ConditionalGet
{
    public static IResult Respond(HttpContext http, byte[] body, string contentType, DateTime? lastModifiedUtc, TimeSpan maxAge)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(body), 0, 12)}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = maxAge };
        if (lastModifiedUtc is { } modified)
        {
            // HTTP dates carry whole seconds.
            var utc = new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc));
            headers.LastModified = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        }

        return IsFresh(http.Request, etag, headers.LastModified)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, contentType);
    }

    /// <summary>If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2).</summary>
    private static bool IsFresh(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return lastModified is { } modified && headers.IfModifiedSince is { } since && since >= modified;
    }
}
