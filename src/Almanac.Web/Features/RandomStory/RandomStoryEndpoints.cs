using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.RandomStory;

/// <summary><c>/random</c>: "Surprise me", a temporary redirect to a published story picked at random.</summary>
public static class RandomStoryEndpoints
{
    public const string Path = "/random";

    public static IEndpointRouteBuilder MapRandomStory(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpContext http, AlmanacDbContext db, SiteClock clock, CancellationToken ct) =>
        {
            // Each visit must be a new draw: neither the output cache nor any browser or proxy keeps the answer.
            http.Response.Headers.CacheControl = "no-store";
            var slug = await PickAsync(db.Stories.AsNoTracking().Published(clock.UtcNow), ct);
            return Results.Redirect(slug is null ? "/" : SiteLinks.Story(slug));
        }).CacheOutput(b => b.NoCache());
        return app;
    }

    /// <summary>
    /// Draws an id between the smallest and largest published id and takes the first published story at or
    /// after it: three indexed lookups however many stories there are. Stories after a gap in the ids (deleted
    /// or unpublished ones) are a little more likely; for "surprise me" that is a fair trade for not counting.
    /// </summary>
    private static async Task<string?> PickAsync(IQueryable<Story> published, CancellationToken ct)
    {
        var min = await published.MinAsync(s => (int?)s.Id, ct);
        var max = await published.MaxAsync(s => (int?)s.Id, ct);
        if (min is null || max is null)
        {
            return null;
        }

        // Not security-sensitive (which story a reader sees next), so the shared generator will do.
        int pick = Random.Shared.Next(min.Value, max.Value + 1);
        // A story unpublished between the queries could leave nothing at or after the pick: start over from the smallest.
        return await published.Where(s => s.Id >= pick).OrderBy(s => s.Id).Select(s => s.Slug).FirstOrDefaultAsync(ct)
            ?? await published.OrderBy(s => s.Id).Select(s => s.Slug).FirstOrDefaultAsync(ct);
    }
}
