namespace Almanac.Core.Calendar;

/// <summary>How much of a historical date is known.</summary>
public enum DatePrecision
{
    Day = 0,
    Month = 1,
    Year = 2,
}
