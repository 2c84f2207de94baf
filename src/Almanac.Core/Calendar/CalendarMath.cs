namespace Almanac.Core.Calendar;

/// <summary>
/// Day counting for the proleptic Julian and Gregorian calendars over astronomical years
/// (1 BC = year 0), through the Julian Day Number. The algorithms are the standard integer
/// forms (Richards, "Mapping Time"); they hold for every year this site will ever show.
/// </summary>
public static class CalendarMath
{
    /// <summary>Julian Day Number of 15 October 1582 (Gregorian), the first day of the reform.</summary>
    public const long GregorianReformDay = 2299161;

    public static bool IsLeapYear(int astronomicalYear, CalendarSystem calendar) => calendar switch
    {
        CalendarSystem.Julian => Mod(astronomicalYear, 4) == 0,
        _ => Mod(astronomicalYear, 4) == 0 && (Mod(astronomicalYear, 100) != 0 || Mod(astronomicalYear, 400) == 0),
    };

    public static int DaysInMonth(int astronomicalYear, int month, CalendarSystem calendar) => month switch
    {
        2 => IsLeapYear(astronomicalYear, calendar) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    public static long ToJulianDayNumber(int year, int month, int day, CalendarSystem calendar)
    {
        // Shift the year to start in March so the leap day is the last day of the year.
        long a = (14 - month) / 12;
        long y = (long)year + 4800 - a;
        long m = month + (12 * a) - 3;
        long jdn = day + (((153 * m) + 2) / 5) + (365 * y) + FloorDiv(y, 4);
        return calendar == CalendarSystem.Julian
            ? jdn - 32083
            : jdn - FloorDiv(y, 100) + FloorDiv(y, 400) - 32045;
    }

    public static (int Year, int Month, int Day) FromJulianDayNumber(long jdn, CalendarSystem calendar)
    {
        long b, c;
        if (calendar == CalendarSystem.Gregorian)
        {
            long a = jdn + 32044;
            b = FloorDiv((4 * a) + 3, 146097);
            c = a - FloorDiv(146097 * b, 4);
        }
        else
        {
            b = 0;
            c = jdn + 32082;
        }

        long d = FloorDiv((4 * c) + 3, 1461);
        long e = c - FloorDiv(1461 * d, 4);
        long m = FloorDiv((5 * e) + 2, 153);
        int day = (int)(e - FloorDiv((153 * m) + 2, 5) + 1);
        int month = (int)(m + 3 - (12 * FloorDiv(m, 10)));
        int year = (int)((100 * b) + d - 4800 + FloorDiv(m, 10));
        return (year, month, day);
    }

    private static long FloorDiv(long a, long b) => (long)Math.Floor((double)a / b);

    private static int Mod(int a, int b) => ((a % b) + b) % b;
}
