using System.Globalization;
using System.Text.RegularExpressions;

namespace Almanac.Core.Calendar;

/// <summary>
/// Reads dates the way historians write them: "4 August 1924", "August 4, 1924", "1924-08-04",
/// "August 1914", "44 BC", "15 March 44 BC", "AD 79", "c. 1450", "25 October 1917 O.S.".
/// Bad input gets a sentence that names what is wrong, never an exception.
/// </summary>
public static partial class HistoricalDateParser
{
    public const int MaxLength = 64;

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    public static bool TryParse(string? text, out HistoricalDate date, out string error)
    {
        date = default;
        error = "";
        var s = Whitespace().Replace(text ?? "", " ").Trim();
        if (s.Length == 0)
        {
            error = "Enter a date, for example \"4 August 1924\", \"44 BC\" or \"c. 1450\".";
            return false;
        }

        if (s.Length > MaxLength)
        {
            error = $"A date is at most {MaxLength} characters long.";
            return false;
        }

        bool circa = false;
        var circaMatch = CircaPrefix().Match(s);
        if (circaMatch.Success)
        {
            circa = true;
            s = s[circaMatch.Length..].Trim();
        }

        var calendar = CalendarSystem.Gregorian;
        var osMatch = OldStyleSuffix().Match(s);
        if (osMatch.Success)
        {
            calendar = CalendarSystem.Julian;
            s = s[..osMatch.Index].Trim();
        }

        // ISO 8601 years are astronomical already ("-0043" is 44 BC); written years are not.
        var iso = IsoDate().Match(s);
        if (iso.Success)
        {
            return Build(ParseInt(iso.Groups["y"].Value) * (iso.Groups["neg"].Success ? -1 : 1),
                iso.Groups["m"].Success ? ParseInt(iso.Groups["m"].Value) : null,
                iso.Groups["d"].Success ? ParseInt(iso.Groups["d"].Value) : null,
                calendar, circa, s, out date, out error);
        }

        var m = WrittenDate().Match(s);
        if (!m.Success)
        {
            error = $"\"{s}\" is not a date this site can read. Write it like \"4 August 1924\", \"15 March 44 BC\" or \"c. 1450\".";
            return false;
        }

        int? month = null;
        var monthText = m.Groups["month"].Success ? m.Groups["month"].Value : m.Groups["month2"].Value;
        if (monthText.Length > 0)
        {
            month = MonthNumber(monthText);
            if (month is null)
            {
                error = $"\"{monthText}\" is not the name of a month.";
                return false;
            }
        }

        var dayText = m.Groups["day"].Success ? m.Groups["day"].Value : m.Groups["day2"].Value;
        int? day = dayText.Length > 0 ? ParseInt(dayText) : null;
        var eraBefore = m.Groups["era1"].Value;
        var eraAfter = m.Groups["era2"].Value;
        var era = (eraBefore + eraAfter).ToUpperInvariant().Replace(".", "", StringComparison.Ordinal);
        int number = ParseInt(m.Groups["year"].Value);
        if (number == 0)
        {
            error = "There is no year 0: 1 BC is followed directly by AD 1.";
            return false;
        }

        bool bc = era is "BC" or "BCE";
        return Build(bc ? 1 - number : number, month, day, calendar, circa, s, out date, out error);
    }

    public static HistoricalDate Parse(string? text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    private static bool Build(int year, int? month, int? day, CalendarSystem calendar, bool circa,
        string text, out HistoricalDate date, out string error)
    {
        date = default;
        error = "";
        if (year is < -9999 or > 9999)
        {
            error = "Years run from 10000 BC to AD 9999.";
            return false;
        }

        if (month is < 1 or > 12)
        {
            error = $"{month} is not a month: months run from 1 to 12.";
            return false;
        }

        if (day is not null)
        {
            int max = CalendarMath.DaysInMonth(year, month!.Value, calendar);
            if (day < 1 || day > max)
            {
                var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Value);
                error = day < 1 || day > 31
                    ? $"{day} is not a day of the month."
                    : $"{monthName} {HistoricalDate.YearLabel(year)} has {max} days, so \"{text}\" does not exist.";
                return false;
            }

            date = HistoricalDate.OnDay(year, month.Value, day.Value, calendar, circa);
            return true;
        }

        if (calendar == CalendarSystem.Julian)
        {
            error = "Old Style (O.S.) applies to a full date with a day, for example \"25 October 1917 O.S.\".";
            return false;
        }

        date = month is null ? HistoricalDate.InYear(year, circa) : HistoricalDate.InMonth(year, month.Value, circa);
        return true;
    }

    private static int? MonthNumber(string name)
    {
        var lower = name.ToLowerInvariant().TrimEnd('.');
        if (lower.Length < 3)
        {
            return null;
        }

        if (lower == "sept")
        {
            return 9;
        }

        for (int i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(lower, StringComparison.Ordinal) && (lower.Length == 3 || lower == Months[i]))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static int ParseInt(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : int.MaxValue;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(c\.|ca\.|circa\b|c\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex CircaPrefix();

    [GeneratedRegex(@"\s*(\(O\.S\.\)|O\.S\.?|\(OS\)|\bOS|Old Style)$", RegexOptions.IgnoreCase)]
    private static partial Regex OldStyleSuffix();

    [GeneratedRegex(@"^(?<neg>-)?(?<y>\d{4})(-(?<m>\d{2})(-(?<d>\d{2}))?)?$")]
    private static partial Regex IsoDate();

    // "4 August 1924", "August 4, 1924", "August 1924", "1924", with "BC"/"BCE"/"AD"/"CE" before or after the year.
    [GeneratedRegex(
        @"^(?:(?:(?<day>\d{1,2})\s+(?<month>[A-Za-z]+\.?)|(?<month2>(?!(?:AD|CE)\b)[A-Za-z]+\.?)(?:\s+(?<day2>\d{1,2}),?)?)\s+)?(?:(?<era1>AD|A\.D\.|CE)\s+)?(?<year>\d{1,5})(?:\s+(?<era2>BC|B\.C\.|BCE|AD|A\.D\.|CE))?$",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex WrittenDate();
}
