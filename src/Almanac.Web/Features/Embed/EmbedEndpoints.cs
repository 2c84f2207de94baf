using System.Text.Json;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Embed;

/// <summary>
/// What other sites embed: the day's stories as JSON for <c>/widget.js</c>, the script itself, and
/// oEmbed (<see cref="OEmbedEndpoint"/>). The iframe pages are Razor Pages in this folder.
/// </summary>
public static class EmbedEndpoints
{
    public static IEndpointRouteBuilder MapEmbed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/embed/day.json", (HttpContext http, AlmanacDbContext db, SiteClock clock, CancellationToken ct) =>
                DayJsonAsync(http, db, clock, clock.TodayDay, ct))
            .CacheOutput(PageCaching.Today)
            .AsPublicApi();
        app.MapGet("/embed/day/{day}.json", (string day, HttpContext http, AlmanacDbContext db, SiteClock clock, CancellationToken ct) =>
                CalendarDay.TryParse(day, out var calendarDay, out _)
                    ? DayJsonAsync(http, db, clock, calendarDay, ct)
                    : Task.FromResult(PublicApi.NotFound($"\"{day}\" is not a calendar day; use MM-DD, e.g. 08-04.")))
            .CacheOutput(PageCaching.Public)
            .AsPublicApi();

        // The script's address never changes (hosts paste it once), so it is revalidated hourly by ETag.
        app.MapGet(EmbedLinks.Widget, async (HttpContext http, IWebHostEnvironment env, CancellationToken ct) =>
        {
            var file = env.WebRootFileProvider.GetFileInfo("js/widget.js");
            if (!file.Exists)
            {
                return Results.NotFound();
            }

            await using var stream = file.CreateReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            return ConditionalGet.Respond(http, buffer.ToArray(), "text/javascript; charset=utf-8", file.LastModified.UtcDateTime, TimeSpan.FromHours(1));
        }).RequireCors(PublicApi.CorsPolicy);

        app.MapOEmbed();
        return app;
    }

    /// <summary>The widget's document: <c>{date, title, url, siteName, stories: [{year, title, url, featured}]}</c>.</summary>
    public sealed record DayDocument(string Date, string Title, string Url, string SiteName, IReadOnlyList<DayDocumentStory> Stories);

    /// <summary><c>Year</c> is the label readers see ("1924", "44 BC"), not the astronomical number.</summary>
    public sealed record DayDocumentStory(string Year, string Title, string Url, bool Featured);

    private static async Task<IResult> DayJsonAsync(HttpContext http, AlmanacDbContext db, SiteClock clock, CalendarDay day, CancellationToken ct)
    {
        var embed = await EmbedDay.LoadAsync(db, clock, day, ct);
        CacheTags.Add(http, embed.CacheTags);
        var links = http.RequestServices.GetRequiredService<SiteLinks>();
        var site = http.RequestServices.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue;
        var document = new DayDocument(
            day.Numeric,
            $"On this day: {day.ToDisplayString(site.CultureInfo)}",
            links.Absolute(http.Request, SiteLinks.Day(day)),
            site.Name,
            [.. embed.Stories.Select(s => new DayDocumentStory(
                HistoricalDate.YearLabel(s.Year), s.Title, links.Absolute(http.Request, SiteLinks.Story(s.Slug)), s == embed.Featured))]);
        var body = JsonSerializer.SerializeToUtf8Bytes(document, JsonSerializerOptions.Web);
        return ConditionalGet.Respond(http, body, "application/json; charset=utf-8", null, TimeSpan.FromMinutes(5));
    }
}
