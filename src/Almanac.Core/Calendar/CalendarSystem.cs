namespace Almanac.Core.Calendar;

/// <summary>The calendar a date was recorded in. Julian dates after the Gregorian reform are "Old Style".</summary>
public enum CalendarSystem
{
    Gregorian = 0,
    Julian = 1,
}
