using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Days;

namespace Almanac.Web.Features.Embed;

/// <summary>
/// A day as the embeds show it: the story of the day first, then the others in year order. It is
/// chosen exactly as the day page chooses (<see cref="DayView"/>), first page only, so an embed never
/// lists more than a day page's first page does.
/// </summary>
public sealed record EmbedDay(CalendarDay Day, StoryCard? Featured, IReadOnlyList<StoryCard> Stories, IReadOnlyList<string> CacheTags)
{
    public static async Task<EmbedDay> LoadAsync(AlmanacDbContext db, SiteClock clock, CalendarDay day, CancellationToken ct)
    {
        var view = await DayView.LoadAsync(db, day, clock.Today.Year, clock.UtcNow, 1, ct);
        var others = view.Groups.SelectMany(g => g.Stories).OrderBy(c => c.Year).ThenBy(c => c.Id);
        List<StoryCard> stories = view.Featured is { } featured ? [featured, .. others] : [.. others];
        return new EmbedDay(day, view.Featured, stories, [.. DayMeta.CacheTagsFor(view)]);
    }
}
