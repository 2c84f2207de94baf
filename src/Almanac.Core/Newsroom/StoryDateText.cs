using System.Globalization;
using Almanac.Core.Calendar;

namespace Almanac.Core.Newsroom;

/// <summary>A story's date as the editor types it, and the reading the editor is shown back.</summary>
public static class StoryDateText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Text that <see cref="HistoricalDateParser"/> reads back as the same date: "4 August 1924",
    /// "15 March 44 BC", "c. 1450", "25 October 1917 O.S." (any Julian date keeps its "O.S.", even
    /// before the reform, so the calendar survives a save).
    /// </summary>
    public static string ForEditing(HistoricalDate date)
    {
        var circa = date.Circa ? "c. " : "";
        var year = HistoricalDate.YearLabel(date.Year);
        return date.Precision switch
        {
            DatePrecision.Year => circa + year,
            DatePrecision.Month => $"{circa}{English.DateTimeFormat.GetMonthName(date.Month!.Value)} {year}",
            _ => $"{circa}{DayText(date.Month!.Value, date.Day!.Value)} {year}{(date.Calendar == CalendarSystem.Julian ? " O.S." : "")}",
        };
    }

    /// <summary>"7 November".</summary>
    public static string DayText(int month, int day) => $"{day} {English.DateTimeFormat.GetMonthName(month)}";

    /// <summary>
    /// What the site will do with a date: "25 October 1917 (O.S.) → shown on 7 November",
    /// "4 August 1924 → shown on 4 August", "August 1914 → on the year page of 1914 only".
    /// </summary>
    public static string Reading(HistoricalDate date, CalendarDay? placementOverride = null)
    {
        var recorded = date.IsOldStyle
            ? $"{(date.Circa ? "c. " : "")}{DayText(date.Month!.Value, date.Day!.Value)} {HistoricalDate.YearLabel(date.Year)} (O.S.)"
            : date.ToString();
        if (placementOverride is { } chosen)
        {
            return $"{recorded} → shown on {DayText(chosen.Month, chosen.Day)} (chosen by an editor)";
        }

        return date.Placement is { } day
            ? $"{recorded} → shown on {DayText(day.Month, day.Day)}"
            : $"{recorded} → on the year page of {HistoricalDate.YearLabel(date.Year)} only (no day page)";
    }

    /// <summary>Reads a placement day such as "7 November", "November 7" or "11-07"; 29 February is allowed.</summary>
    public static bool TryParseDay(string? text, out CalendarDay day, out string error)
    {
        day = default;
        error = "";
        var s = (text ?? "").Trim();
        if (s.Length is 0 or > 20)
        {
            error = "Write the day like \"7 November\".";
            return false;
        }

        // Read it as a day of the leap year 2000, so 29 February is allowed.
        var iso = s.Length == 5 && s[2] == '-' ? $"2000-{s}" : $"{s} 2000";
        if (HistoricalDateParser.TryParse(iso, out var date, out _) && date.Precision == DatePrecision.Day && date.Calendar == CalendarSystem.Gregorian)
        {
            day = new CalendarDay(date.Month!.Value, date.Day!.Value);
            return true;
        }

        error = $"\"{s}\" is not a day of the year. Write it like \"7 November\".";
        return false;
    }
}
