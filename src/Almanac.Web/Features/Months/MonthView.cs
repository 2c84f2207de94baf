using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Months;

/// <summary>What a month page shows: every day of the month (29 February included), its story of the day and its count.</summary>
public sealed record MonthView(int Month, IReadOnlyList<MonthDay> Days)
{
    public int Total => Days.Sum(d => d.Count);

    public IEnumerable<StoryCard> Shown => Days.Select(d => d.StoryOfTheDay).OfType<StoryCard>();

    /// <summary>
    /// Loads the whole month in two queries: a narrow row per published story of the month (its day, kind,
    /// year and whether it is that day's chosen story), from which the counts and each day's story of the day
    /// come, then the cards of the chosen stories. At 100,000 stories a month is about 8,000 small rows; the
    /// page is output-cached, so that read happens once per edit of the month, not once per reader.
    /// </summary>
    public static async Task<MonthView> LoadAsync(AlmanacDbContext db, int month, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await db.Stories.AsNoTracking().Published(nowUtc)
            .Where(s => s.PlacementMonth == month && s.PlacementDay != null)
            .Select(s => new Candidate(
                s.Id,
                s.PlacementDay!.Value,
                s.Kind,
                s.Year,
                s.Features.Any(f => f.Month == month && f.Day == s.PlacementDay)))
            .ToListAsync(ct);

        var byDay = rows.ToLookup(r => r.Day);
        var chosen = Enumerable.Range(1, CalendarMath.DaysInMonth(2000, month, CalendarSystem.Gregorian))
            .Select(d => (Day: d, Count: byDay[d].Count(), Id: StoryOfTheDay(byDay[d])))
            .ToList();

        var ids = chosen.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToList();
        var cards = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id)).SelectCards().ToDictionaryAsync(c => c.Id, ct);

        return new MonthView(month, [.. chosen.Select(c => new MonthDay(
            new CalendarDay(month, c.Day),
            c.Id is { } id ? cards.GetValueOrDefault(id) : null,
            c.Count))]);
    }

    // The rule of DayView.LoadAsync: the editor's choice, else the most recent event, else the most recent
    // story. A month has no year, so 28 February counts only its own stories (29 February has its own cell).
    private static int? StoryOfTheDay(IEnumerable<Candidate> day) =>
        Core.Stories.StoryOfTheDay.Choose(day, c => c.IsFeatured, c => c.Kind, c => c.Year, c => c.Id)?.Id;

    private sealed record Candidate(int Id, int Day, StoryKind Kind, int Year, bool IsFeatured);
}

/// <summary>One cell of the month: the day, its story of the day (if it has any story) and its count of published stories.</summary>
public sealed record MonthDay(CalendarDay Day, StoryCard? StoryOfTheDay, int Count);
