using Almanac.Core.Data;
using Almanac.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Almanac.Web.Features.Media;

public static class MediaEndpoints
{
    /// <summary>
    /// <c>/media/{id}/{width}.{webp|jpg}</c>: a stored variant of an uploaded image. A variant never
    /// changes once stored (a new upload gets a new id), so browsers and proxies may keep it for a year.
    /// The content type comes from the format we encoded, never from anything the uploader sent.
    /// </summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{id:int}/{width:int}.{format}", async (int id, int width, string format,
            AlmanacDbContext db, IMediaStore store, HttpContext http, CancellationToken ct) =>
        {
            if (!MediaFormats.TryParseExtension(format, out var mediaFormat))
            {
                return Results.NotFound();
            }

            var item = await db.Media.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.StorageKey, m.VariantWidths }).FirstOrDefaultAsync(ct);
            if (item is null || !item.VariantWidths.Contains(width))
            {
                return Results.NotFound();
            }

            var key = MediaKeys.Variant(item.StorageKey, width, mediaFormat);
            var etag = new EntityTagHeaderValue($"\"{item.StorageKey[..Math.Min(16, item.StorageKey.Length)]}-{width}-{mediaFormat.Extension()}\"");
            if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            {
                SetCaching(http, etag);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            if (await store.GetAsync(key, ct) is not { } bytes)
            {
                return Results.NotFound();
            }

            SetCaching(http, etag);
            return Results.Bytes(bytes, mediaFormat.ContentType());
        });
        return app;
    }

    private static void SetCaching(HttpContext http, EntityTagHeaderValue etag)
    {
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } };
    }
}
