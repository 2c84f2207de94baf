using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Calendar;

/// <summary>
/// <c>/anniversaries.ics</c>: every published, day-precise story as a yearly all-day event, for calendar
/// apps to subscribe to. <c>?kind=</c>, <c>?category=</c> and <c>?topic=</c> narrow it (all given must
/// hold). Output-cached and tagged like pages, answered with 304 when the subscriber's copy is current.
/// </summary>
public static class CalendarEndpoints
{
    private static readonly string[] Filters = ["kind", "category", "topic"];

    public static IEndpointRouteBuilder MapAnniversaryCalendar(this IEndpointRouteBuilder app)
    {
        // PageCaching.Public keys entries by "?page" alone, which would hand one filter's calendar to
        // another; this is the same hour-long, page-tagged entry keyed by the filters. The calendar does
        // not depend on today's date, so it needs none of Public's per-year variation.
        app.MapGet(SiteLinks.AnniversaryCalendar(), GetAsync)
            .CacheOutput(b => b.Expire(TimeSpan.FromHours(1)).SetVaryByQuery(Filters).Tag(CacheTags.Pages))
            .AsPublicApi();
        return app;
    }

    private static async Task<IResult> GetAsync(string? kind, string? category, string? topic, HttpContext http,
        AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> options, CancellationToken ct)
    {
        var stories = db.Stories.AsNoTracking().Published(clock.UtcNow)
            .Where(s => s.Precision == DatePrecision.Day && s.PlacementMonth != null && s.PlacementDay != null);
        var tags = new List<string>();
        var names = new List<string>();

        if (kind is not null)
        {
            if (!StoryKinds.TryParse(kind, out var k))
            {
                return PublicApi.BadRequest($"kind must be one of: {string.Join(", ", StoryKinds.All.Select(x => x.Slug()))}.");
            }

            stories = stories.Where(s => s.Kind == k);
            tags.Add(CacheTags.Kind(k));
            names.Add(k.GroupTitle());
        }

        if (category is not null)
        {
            var found = await db.Categories.AsNoTracking().Where(c => c.Slug == category).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return PublicApi.NotFound("No category has the slug given in ?category=.");
            }

            stories = stories.Where(s => db.StoryCategories.Any(j => j.StoryId == s.Id && j.CategoryId == found.Id));
            tags.Add(CacheTags.Category(category));
            names.Add(found.Name);
        }

        if (topic is not null)
        {
            var found = await db.Topics.AsNoTracking().Where(t => t.Slug == topic).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return PublicApi.NotFound("No topic has the slug given in ?topic=.");
            }

            stories = stories.Where(s => db.StoryTopics.Any(j => j.StoryId == s.Id && j.TopicId == found.Id));
            tags.Add(CacheTags.Topic(topic));
            names.Add(found.Name);
        }

        // In calendar order, so the bytes (and the ETag) change only when a story does.
        var rows = await stories
            .OrderBy(s => s.PlacementMonth).ThenBy(s => s.PlacementDay).ThenBy(s => s.Year).ThenBy(s => s.Id)
            .Select(s => new Row(s.Id, s.Slug, s.Title, s.Summary, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa,
                s.PlacementMonth!.Value, s.PlacementDay!.Value, s.UpdatedAtUtc, s.PublishedAtUtc))
            .ToListAsync(ct);
        CacheTags.Add(http, [.. tags.Count == 0 ? [CacheTags.Calendar] : tags, .. rows.Select(r => CacheTags.Story(r.Id))]);

        var site = options.CurrentValue;
        var home = links.Absolute(http.Request, "/");
        var filtered = names.Count > 0 ? $" ({string.Join(", ", names)})" : "";
        var header = new AnniversaryCalendar.Header(
            $"{site.Name}: anniversaries{filtered}",
            $"Each dated story of {site.Name}{filtered} as an all-day event on its day, every year. {home}",
            new Uri(home).Host);
        var entries = rows.Select(r => new AnniversaryCalendar.Entry(
            r.Id, r.Title, r.Summary, r.Kind,
            HistoricalDate.FromParts(r.Year, r.Month, r.Day, r.Precision, r.Calendar, r.Circa),
            new CalendarDay(r.PlacementMonth, r.PlacementDay),
            r.UpdatedAtUtc,
            links.Absolute(http.Request, SiteLinks.Story(r.Slug))));

        // A scheduled story joins the calendar when it is published, after its last edit: count both,
        // so If-Modified-Since does not answer 304 for a calendar that gained it.
        DateTime? lastModified = rows.Count == 0 ? null : rows.Max(r => r.PublishedAtUtc > r.UpdatedAtUtc ? r.PublishedAtUtc.Value : r.UpdatedAtUtc);
        return ConditionalGet.Respond(http, AnniversaryCalendar.Write(header, entries), "text/calendar; charset=utf-8", lastModified, TimeSpan.FromHours(1));
    }

    private sealed record Row(int Id, string Slug, string Title, string Summary, StoryKind Kind, int Year, int? Month, int? Day,
        DatePrecision Precision, CalendarSystem Calendar, bool Circa, int PlacementMonth, int PlacementDay, DateTime UpdatedAtUtc, DateTime? PublishedAtUtc);
}
