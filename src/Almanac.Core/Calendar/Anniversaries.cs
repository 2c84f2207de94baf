namespace Almanac.Core.Calendar;

/// <summary>"How long ago" and round anniversaries, counted from the reader's today.</summary>
public static class Anniversaries
{
    /// <summary>
    /// Whole years between the happening and the given year. Astronomical numbering makes BC
    /// arithmetic plain: from 44 BC (-43) to 2026 is 2069 years.
    /// </summary>
    public static int YearsAgo(HistoricalDate date, int currentYear) => currentYear - date.AnniversaryYear;

    /// <summary>25, 50, 75, 100, 125, 150, then every 50 years: 200, 250, 300 …</summary>
    public static bool IsRound(int years) =>
        years > 0 && (years <= 150 ? years % 25 == 0 : years % 50 == 0);

    /// <summary>"this year", "1 year ago", "100 years ago".</summary>
    public static string Describe(int years) => years switch
    {
        0 => "this year",
        1 => "1 year ago",
        < 0 => $"in {-years} years",
        _ => $"{years:N0} years ago",
    };
}
