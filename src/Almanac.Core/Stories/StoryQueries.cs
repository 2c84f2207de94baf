using Almanac.Core.Calendar;

namespace Almanac.Core.Stories;

/// <summary>The shared query words of the site: what readers may see, and where.</summary>
public static class StoryQueries
{
    /// <summary>Stories a reader may see at the given instant.</summary>
    public static IQueryable<Story> Published(this IQueryable<Story> stories, DateTime nowUtc) =>
        stories.Where(s => s.Status == StoryStatus.Published && s.PublishedAtUtc <= nowUtc);

    /// <summary>Stories placed on one calendar day.</summary>
    public static IQueryable<Story> On(this IQueryable<Story> stories, CalendarDay day) =>
        stories.Where(s => s.PlacementMonth == day.Month && s.PlacementDay == day.Day);

    /// <summary>Stories listed on a day page, which on 28 February of a common year includes the leap day.</summary>
    public static IQueryable<Story> On(this IQueryable<Story> stories, IReadOnlyList<CalendarDay> days) =>
        days.Count == 1
            ? stories.On(days[0])
            : stories.Where(s => s.PlacementMonth == days[0].Month && (s.PlacementDay == days[0].Day || s.PlacementDay == days[1].Day));

    public static IQueryable<Story> InYear(this IQueryable<Story> stories, int astronomicalYear) =>
        stories.Where(s => s.Year == astronomicalYear);

    /// <summary>Chronological order: year, then month and day where known (undated parts first).</summary>
    public static IOrderedQueryable<Story> Chronologically(this IQueryable<Story> stories) =>
        stories.OrderBy(s => s.Year).ThenBy(s => s.Month ?? 0).ThenBy(s => s.Day ?? 0).ThenBy(s => s.Id);
}
