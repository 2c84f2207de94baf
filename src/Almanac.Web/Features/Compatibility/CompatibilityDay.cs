using System.Globalization;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Compatibility;

/// <summary>
/// What the compatibility APIs share: reading a month and day from the path, the published stories
/// of a day, the editor's story of that day, and the year conventions of other sites.
/// </summary>
internal static class CompatibilityDay
{
    /// <summary>
    /// Reads "8"/"4" or "08"/"04": one or two digits each, nothing else. The day must exist in some
    /// year, so 29 February is accepted and 30 February is not.
    /// </summary>
    public static bool TryParse(string month, string day, out CalendarDay result, out string error)
    {
        result = default;
        if (!TryReadNumber(month, out int m))
        {
            error = "The month must be a number from 1 to 12, written with one or two digits (8 or 08).";
            return false;
        }

        if (!TryReadNumber(day, out int d))
        {
            error = "The day must be a number from 1 to 31, written with one or two digits (4 or 04).";
            return false;
        }

        if (m is < 1 or > 12)
        {
            error = $"There is no month {m}: months run from 1 to 12.";
            return false;
        }

        if (!CalendarDay.IsValid(m, d))
        {
            var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m);
            error = $"{name} has no day {d}.";
            return false;
        }

        result = new CalendarDay(m, d);
        error = "";
        return true;
    }

    private static bool TryReadNumber(string text, out int value)
    {
        value = 0;
        return text.Length is 1 or 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The published stories placed on the given days, each marked if it is the editor's story of
    /// <paramref name="day"/>.
    /// </summary>
    public static Task<List<DayStory>> LoadAsync(AlmanacDbContext db, CalendarDay day, IReadOnlyList<CalendarDay> days, DateTime nowUtc, CancellationToken ct) =>
        db.Stories.AsNoTracking().Published(nowUtc).On(days)
            .Select(s => new DayStory(s.Id, s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa,
                s.Summary, s.UpdatedAtUtc, s.Features.Any(f => f.Month == day.Month && f.Day == day.Day)))
            .ToListAsync(ct);

    /// <summary>
    /// The story of the day by the day page's rule (see <c>DayView.LoadAsync</c>): the editor's choice;
    /// without one, the day's most recent event; without events, the day's most recent story.
    /// </summary>
    public static DayStory? StoryOfTheDay(IReadOnlyList<DayStory> stories) =>
        Core.Stories.StoryOfTheDay.Choose(stories, s => s.IsFeatured, s => s.Kind, s => s.Year, s => s.Id);

    /// <summary>
    /// Almanac's astronomical year as Wikimedia writes it: years AD unchanged, BC as negative numbers
    /// without a year 0, so 44 BC (stored as -43) is -44 and 1 BC (stored as 0) is -1.
    /// </summary>
    public static int WikimediaYear(int astronomicalYear) => astronomicalYear <= 0 ? astronomicalYear - 1 : astronomicalYear;

    /// <summary>The year as Wikipedia's day pages (and so muffinlabs) write it: "1924", "79", "44 BC".</summary>
    public static string PlainYear(int astronomicalYear) =>
        astronomicalYear <= 0
            ? $"{(1 - astronomicalYear).ToString(CultureInfo.InvariantCulture)} BC"
            : astronomicalYear.ToString(CultureInfo.InvariantCulture);

    /// <summary>SQLite hands back DateTime values of unspecified kind; ours are always UTC.</summary>
    public static DateTime AsUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}

/// <summary>A story as the compatibility APIs show it.</summary>
internal sealed record DayStory(
    int Id,
    string Slug,
    string Title,
    StoryKind Kind,
    int Year,
    int? Month,
    int? Day,
    DatePrecision Precision,
    CalendarSystem Calendar,
    bool Circa,
    string Summary,
    DateTime UpdatedAtUtc,
    bool IsFeatured)
{
    public HistoricalDate Date => HistoricalDate.FromParts(Year, Month, Day, Precision, Calendar, Circa);
}
