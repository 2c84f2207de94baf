using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Almanac.Web.Features.Api;

public static partial class ApiEndpoints
{
    public const int MostReadCount = 10;

    private static void MapMostRead(RouteGroupBuilder api) =>
        api.MapGet("/stories/most-read", MostReadStories)
            .WithName("MostRead").WithSummary("The stories read most over the last days")
            .WithDescription($"days: 1 to {ReadCounts.MaxDays} UTC days, today included (default 7). Reads are counted on the server without cookies, once per reader and story within half an hour; robots are left out. At most {MostReadCount} stories, most reads first.")
            .Produces<ApiMostRead>(contentType: Json).ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> MostReadStories([AsParameters] Context c, [FromQuery] int? days, CancellationToken ct)
    {
        int d = days ?? 7;
        if (d is < 1 or > ReadCounts.MaxDays)
        {
            return PublicApi.BadRequest($"days is between 1 and {ReadCounts.MaxDays}.");
        }

        var now = c.Clock.UtcNow;
        var stories = await ReadCounts.MostReadAsync(c.Db, now, d, MostReadCount, ct);
        CacheTags.Add(c.Http, stories.Select(s => CacheTags.Story(s.Story.Id)));
        var to = DateOnly.FromDateTime(now);
        return c.Write(new ApiMostRead(d, to.AddDays(1 - d), to, [.. stories.Select(s => new ApiMostReadItem(s.Reads, c.Summary(s.Story)))]));
    }
}
