using System.Globalization;

namespace Almanac.Core.Calendar;

/// <summary>
/// The date of a historical happening as an editor recorded it.
/// <list type="bullet">
/// <item><see cref="Year"/> is astronomical: 1 BC is 0, 44 BC is -43. Readers never see a year 0.</item>
/// <item><see cref="Month"/> and <see cref="Day"/> are set as far as <see cref="Precision"/> says.</item>
/// <item><see cref="Calendar"/> is the calendar of the record. A Julian (Old Style) date on or after the
/// Gregorian reform (15 October 1582) is placed on the day page of its Gregorian equivalent and shown
/// with both; earlier dates stay as recorded.</item>
/// </list>
/// Instances are only made through the factories, which reject days that do not exist.
/// </summary>
public readonly record struct HistoricalDate
{
    private HistoricalDate(int year, int? month, int? day, DatePrecision precision, CalendarSystem calendar, bool circa)
    {
        Year = year;
        Month = month;
        Day = day;
        Precision = precision;
        Calendar = calendar;
        Circa = circa;
    }

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    public DatePrecision Precision { get; }

    public CalendarSystem Calendar { get; }

    public bool Circa { get; }

    public static HistoricalDate OnDay(int year, int month, int day, CalendarSystem calendar = CalendarSystem.Gregorian, bool circa = false)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), "A month is 1 to 12.");
        }

        if (day < 1 || day > CalendarMath.DaysInMonth(year, month, calendar))
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"{YearLabel(year)} has no day {day} in month {month}.");
        }

        return new(year, month, day, DatePrecision.Day, calendar, circa);
    }

    public static HistoricalDate InMonth(int year, int month, bool circa = false) =>
        month is < 1 or > 12
            ? throw new ArgumentOutOfRangeException(nameof(month), "A month is 1 to 12.")
            : new(year, month, null, DatePrecision.Month, CalendarSystem.Gregorian, circa);

    public static HistoricalDate InYear(int year, bool circa = false) =>
        new(year, null, null, DatePrecision.Year, CalendarSystem.Gregorian, circa);

    /// <summary>Rebuilds a date from stored columns; throws if they do not describe a real date.</summary>
    public static HistoricalDate FromParts(int year, int? month, int? day, DatePrecision precision, CalendarSystem calendar, bool circa) =>
        precision switch
        {
            DatePrecision.Day => OnDay(year, month ?? 0, day ?? 0, calendar, circa),
            DatePrecision.Month => InMonth(year, month ?? 0, circa),
            _ => InYear(year, circa),
        };

    /// <summary>True for a Julian date that falls on or after the Gregorian reform: it is placed by its Gregorian equivalent.</summary>
    public bool IsOldStyle => Precision == DatePrecision.Day && Calendar == CalendarSystem.Julian
        && CalendarMath.ToJulianDayNumber(Year, Month!.Value, Day!.Value, CalendarSystem.Julian) >= CalendarMath.GregorianReformDay;

    /// <summary>The same day in the Gregorian calendar when the date is Old Style; otherwise the date itself.</summary>
    public HistoricalDate Gregorian
    {
        get
        {
            if (!IsOldStyle)
            {
                return this;
            }

            var jdn = CalendarMath.ToJulianDayNumber(Year, Month!.Value, Day!.Value, CalendarSystem.Julian);
            var (y, m, d) = CalendarMath.FromJulianDayNumber(jdn, CalendarSystem.Gregorian);
            return OnDay(y, m, d, CalendarSystem.Gregorian, Circa);
        }
    }

    /// <summary>The calendar day whose page lists this date, or null unless the date is day-precise.</summary>
    public CalendarDay? Placement => Precision == DatePrecision.Day
        ? new CalendarDay(Gregorian.Month!.Value, Gregorian.Day!.Value)
        : null;

    /// <summary>The year readers count from ("N years ago"): the Gregorian year of the happening.</summary>
    public int AnniversaryYear => Gregorian.Year;

    /// <summary>"1924", "44 BC", "AD 79": no year 0, and "AD" only where a bare number could be misread.</summary>
    public static string YearLabel(int astronomicalYear) => astronomicalYear switch
    {
        <= 0 => $"{1 - astronomicalYear} BC",
        < 1000 => $"AD {astronomicalYear}",
        _ => astronomicalYear.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The path segment of a year page: "1924", "44-bc", "79".</summary>
    public static string YearSlug(int astronomicalYear) =>
        astronomicalYear <= 0 ? $"{1 - astronomicalYear}-bc" : astronomicalYear.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseYearSlug(string? slug, out int astronomicalYear)
    {
        astronomicalYear = 0;
        if (string.IsNullOrEmpty(slug) || slug.Length > 10)
        {
            return false;
        }

        bool bc = slug.EndsWith("-bc", StringComparison.OrdinalIgnoreCase);
        var digits = bc ? slug[..^3] : slug.StartsWith("ad-", StringComparison.OrdinalIgnoreCase) ? slug[3..] : slug;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n == 0)
        {
            return false;
        }

        astronomicalYear = bc ? 1 - n : n;
        return true;
    }

    public string YearText => YearLabel(Year);

    /// <summary>
    /// The full date for readers: "4 August 1924", "15 March 44 BC", "August 1914", "c. 1450",
    /// and for Old Style dates both readings: "25 October (O.S.) / 7 November 1917".
    /// </summary>
    public string ToDisplayString(CultureInfo culture)
    {
        var prefix = Circa ? "c. " : "";
        switch (Precision)
        {
            case DatePrecision.Year:
                return prefix + YearText;
            case DatePrecision.Month:
                return $"{prefix}{MonthName(Month!.Value, culture)} {YearText}";
        }

        if (!IsOldStyle)
        {
            return $"{prefix}{DayMonth(Month!.Value, Day!.Value, culture)} {YearText}";
        }

        var g = Gregorian;
        var oldStyle = DayMonth(Month!.Value, Day!.Value, culture);
        return g.Year == Year
            ? $"{prefix}{oldStyle} (O.S.) / {DayMonth(g.Month!.Value, g.Day!.Value, culture)} {g.YearText}"
            : $"{prefix}{oldStyle} {YearText} (O.S.) / {DayMonth(g.Month!.Value, g.Day!.Value, culture)} {g.YearText}";
    }

    /// <summary>
    /// The Gregorian reading as an HTML <c>datetime</c> value ("1924-08-04", "1914-08", "1450"), or
    /// null before AD 1, which HTML dates cannot express.
    /// </summary>
    public string? MachineReadable => Gregorian is { Year: >= 1 } g ? g.ToIsoString() : null;

    /// <summary>
    /// The date as recorded in ISO 8601 with astronomical years, which may be negative:
    /// "1924-08-04", "-0043-03-15" (15 March 44 BC), "1914-08", "1450". Use <see cref="Gregorian"/>
    /// first for the proleptic Gregorian reading.
    /// </summary>
    public string ToIsoString()
    {
        var year = Year < 0
            ? "-" + (-Year).ToString("0000", CultureInfo.InvariantCulture)
            : Year.ToString("0000", CultureInfo.InvariantCulture);
        return Precision switch
        {
            DatePrecision.Day => $"{year}-{Month:00}-{Day:00}",
            DatePrecision.Month => $"{year}-{Month:00}",
            _ => year,
        };
    }

    /// <summary>The date as historians write it in English: "4 August 1924".</summary>
    public override string ToString() => ToDisplayString(CultureInfo.GetCultureInfo("en-GB"));

    private static string MonthName(int month, CultureInfo culture) => culture.DateTimeFormat.GetMonthName(month);

    // Formatting through a leap year keeps 29 February and the culture's own day-month order and genitive names.
    private static string DayMonth(int month, int day, CultureInfo culture) =>
        new DateOnly(2000, month, day).ToString(culture.DateTimeFormat.MonthDayPattern, culture);
}
