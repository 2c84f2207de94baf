using System.Globalization;

namespace Almanac.Core.Calendar;

/// <summary>
/// A day of the calendar year without a year ("4 August"), the unit of a day page.
/// 29 February is a day of its own; in common years its stories are also listed on 28 February.
/// </summary>
public readonly record struct CalendarDay : IComparable<CalendarDay>
{
    private static readonly string[] MonthSlugs =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    public CalendarDay(int month, int day)
    {
        if (!IsValid(month, day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"{month:00}-{day:00} is not a day of the calendar year.");
        }

        Month = month;
        Day = day;
    }

    public int Month { get; }

    public int Day { get; }

    public static CalendarDay LeapDay => new(2, 29);

    public bool IsLeapDay => Month == 2 && Day == 29;

    /// <summary>The day's path segment, e.g. "august-4".</summary>
    public string Slug => $"{MonthSlugs[Month - 1]}-{Day}";

    /// <summary>The numeric form, e.g. "08-04", used by the API and by redirects.</summary>
    public string Numeric => $"{Month:00}-{Day:00}";

    /// <summary>Position in a leap year, 0 for 1 January to 365 for 31 December.</summary>
    public int DayOfLeapYear => new DateOnly(2000, Month, Day).DayOfYear - 1;

    public static bool IsValid(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= CalendarMath.DaysInMonth(2000, month, CalendarSystem.Gregorian);

    public static CalendarDay From(DateOnly date) => new(date.Month, date.Day);

    public static CalendarDay FromDayOfLeapYear(int index) =>
        From(DateOnly.FromDayNumber(new DateOnly(2000, 1, 1).DayNumber + (((index % 366) + 366) % 366)));

    public CalendarDay Next() => FromDayOfLeapYear(DayOfLeapYear + 1);

    public CalendarDay Previous() => FromDayOfLeapYear(DayOfLeapYear - 1);

    /// <summary>
    /// The placement days whose stories a page for this day lists in the given year:
    /// 28 February of a common year also lists the 29 February stories.
    /// </summary>
    public IReadOnlyList<CalendarDay> DaysListedIn(int year) =>
        Month == 2 && Day == 28 && !DateTime.IsLeapYear(year) ? [this, LeapDay] : [this];

    /// <summary>Reads "august-4", "08-04" or "8-4". Returns false for anything else.</summary>
    public static bool TryParse(string? text, out CalendarDay day, out bool isCanonical)
    {
        day = default;
        isCanonical = false;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 16)
        {
            return false;
        }

        int dash = text.LastIndexOf('-');
        if (dash <= 0 || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int d))
        {
            return false;
        }

        var monthPart = text[..dash];
        int month = Array.FindIndex(MonthSlugs, m => m.Equals(monthPart, StringComparison.OrdinalIgnoreCase)) + 1;
        if (month == 0 && !int.TryParse(monthPart, NumberStyles.None, CultureInfo.InvariantCulture, out month))
        {
            return false;
        }

        if (!IsValid(month, d))
        {
            return false;
        }

        day = new CalendarDay(month, d);
        isCanonical = string.Equals(text, day.Slug, StringComparison.Ordinal);
        return true;
    }

    /// <summary>"4 August" in the given culture.</summary>
    public string ToDisplayString(CultureInfo culture) =>
        new DateOnly(2000, Month, Day).ToString(culture.DateTimeFormat.MonthDayPattern, culture);

    /// <summary>The header form from settings, e.g. "dd.MM." gives "04.08." as on the seed page.</summary>
    public string ToHeaderString(string format, CultureInfo culture) =>
        new DateOnly(2000, Month, Day).ToString(format, culture);

    public static string MonthSlug(int month) => MonthSlugs[month - 1];

    public int CompareTo(CalendarDay other) => DayOfLeapYear.CompareTo(other.DayOfLeapYear);

    public override string ToString() => Numeric;

    public static bool operator <(CalendarDay left, CalendarDay right) => left.CompareTo(right) < 0;

    public static bool operator <=(CalendarDay left, CalendarDay right) => left.CompareTo(right) <= 0;

    public static bool operator >(CalendarDay left, CalendarDay right) => left.CompareTo(right) > 0;

    public static bool operator >=(CalendarDay left, CalendarDay right) => left.CompareTo(right) >= 0;
}
