using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Stories;

public static class CoverEndpoints
{
    /// <summary>
    /// <c>/cover/{slug}/{width}.{webp|png}</c>: the generated cover of a published story, in the fixed
    /// widths only. Rendering takes milliseconds, so results are output-cached and tagged with the story.
    /// </summary>
    public static IEndpointRouteBuilder MapCovers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cover/{slug}/{width:int}.{format}", async (string slug, int width, string format,
            AlmanacDbContext db, SiteClock clock, HttpContext http, CancellationToken ct) =>
        {
            var imageFormat = format switch
            {
                "webp" => CoverImage.Format.Webp,
                "png" => CoverImage.Format.Png,
                _ => (CoverImage.Format?)null,
            };
            if (imageFormat is null || !CoverImage.Widths.Contains(width) || slug.Length > Slugs.MaxLength)
            {
                return Results.NotFound();
            }

            var story = await db.Stories.AsNoTracking().Published(clock.UtcNow).Where(s => s.Slug == slug)
                .Select(s => new { s.Id, s.Year, s.Title, s.Kind }).FirstOrDefaultAsync(ct);
            if (story is null)
            {
                return Results.NotFound();
            }

            CacheTags.Add(http, [CacheTags.Story(story.Id)]);
            http.Response.Headers.CacheControl = "public, max-age=86400";
            var bytes = CoverImage.Render(HistoricalDate.YearLabel(story.Year), story.Title, story.Kind.Label(), slug, width, imageFormat.Value);
            return Results.File(bytes, imageFormat == CoverImage.Format.Webp ? "image/webp" : "image/png");
        }).CacheOutput(PageCaching.Public);
        return app;
    }
}
