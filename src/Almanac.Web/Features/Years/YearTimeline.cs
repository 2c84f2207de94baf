using Almanac.Core.Calendar;
using Almanac.Core.Stories;

namespace Almanac.Web.Features.Years;

/// <summary>
/// A year page's stories grouped by month. The group of a story is the month of the day page it is placed
/// on (the Gregorian reading of an Old Style date, or an editor's override), else its recorded month.
/// Stories known only to the year come first, in a "Month unknown" group: the listing's date order already
/// puts them first, so the group never splits across pages and page 1 always holds it whole.
/// </summary>
public sealed record YearTimeline(IReadOnlyList<TimelineMonth> Months)
{
    public static YearTimeline From(IEnumerable<StoryCard> cards) =>
        new([.. cards
            .GroupBy(c => c.PlacementMonth ?? c.Month)
            .OrderBy(g => g.Key ?? 0)
            // A stable sort: month-precision stories (no day) lead their month, then by day, ties in listing order.
            .Select(g => new TimelineMonth(g.Key, [.. g.OrderBy(c => c.PlacementDay ?? 0)]))]);
}

/// <summary>One month of a year's timeline; <see cref="Month"/> is null for stories dated only to the year.</summary>
public sealed record TimelineMonth(int? Month, IReadOnlyList<StoryCard> Stories)
{
    public string Id => Month is { } m ? $"month-{m}" : "month-unknown";

    /// <summary>The day page the story is placed on, when it has one.</summary>
    public static CalendarDay? DayOf(StoryCard card) =>
        card is { PlacementMonth: { } m, PlacementDay: { } d } && CalendarDay.IsValid(m, d) ? new CalendarDay(m, d) : null;
}
