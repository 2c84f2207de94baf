using System.Globalization;
using Almanac.Core.Calendar;

namespace Almanac.Core.Tests.Calendar;

public class HistoricalDateTests
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData("4 August 1924", "4 August 1924")]
    [InlineData("15 March 44 BC", "15 March 44 BC")]
    [InlineData("24 August AD 79", "24 August AD 79")]
    [InlineData("c. 1450", "c. 1450")]
    [InlineData("August 1914", "August 1914")]
    [InlineData("44 BC", "44 BC")]
    [InlineData("25 October 1917 O.S.", "25 October (O.S.) / 7 November 1917")]
    [InlineData("21 December 1700 O.S.", "21 December 1700 (O.S.) / 1 January 1701")]
    public void ToDisplayString_ShowsHistoricalForm(string input, string expected) =>
        Assert.Equal(expected, HistoricalDateParser.Parse(input).ToDisplayString(British));

    [Fact]
    public void ToDisplayString_UsesTheSiteCulture() =>
        Assert.Equal("4. August 1924", HistoricalDateParser.Parse("4 August 1924").ToDisplayString(CultureInfo.GetCultureInfo("de-DE")));

    [Theory]
    [InlineData(1, "AD 1")]
    [InlineData(0, "1 BC")]
    [InlineData(-43, "44 BC")]
    [InlineData(79, "AD 79")]
    [InlineData(1924, "1924")]
    public void YearLabel_HasNoYearZero(int astronomical, string expected) =>
        Assert.Equal(expected, HistoricalDate.YearLabel(astronomical));

    [Theory]
    [InlineData("44-bc", -43)]
    [InlineData("1-bc", 0)]
    [InlineData("1924", 1924)]
    [InlineData("ad-79", 79)]
    public void TryParseYearSlug_ReadsYearPages(string slug, int expected)
    {
        Assert.True(HistoricalDate.TryParseYearSlug(slug, out int year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0-bc")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-5")]
    public void TryParseYearSlug_RejectsNonYears(string slug) =>
        Assert.False(HistoricalDate.TryParseYearSlug(slug, out _));

    [Fact]
    public void OldStyleDate_IsPlacedOnItsGregorianDay()
    {
        var revolution = HistoricalDateParser.Parse("25 October 1917 O.S.");

        Assert.Equal(new CalendarDay(11, 7), revolution.Placement);
        Assert.Equal(1917, revolution.Gregorian.Year);
    }

    [Fact]
    public void JulianDateBeforeTheReform_StaysAsRecorded()
    {
        // 4 October 1582 (Julian) was the last day before the reform: no conversion.
        var date = HistoricalDate.OnDay(1582, 10, 4, CalendarSystem.Julian);

        Assert.False(date.IsOldStyle);
        Assert.Equal(new CalendarDay(10, 4), date.Placement);
    }

    [Fact]
    public void JulianDateOnTheReformDay_IsConverted()
    {
        // 5 October 1582 Julian is 15 October 1582 Gregorian, the first day of the new calendar.
        var date = HistoricalDate.OnDay(1582, 10, 5, CalendarSystem.Julian);

        Assert.True(date.IsOldStyle);
        Assert.Equal(new CalendarDay(10, 15), date.Placement);
    }

    [Theory]
    [InlineData(1700, 2, 18, 1700, 2, 28)]  // the last day of a 10-day gap: Julian 1700 has a 29 February, then the gap is 11 days
    [InlineData(1752, 9, 2, 1752, 9, 13)]   // Britain's switch: 2 September was followed by 14 September
    [InlineData(1918, 1, 31, 1918, 2, 13)]  // Soviet Russia's switch
    [InlineData(1799, 12, 25, 1800, 1, 5)]
    public void JulianToGregorian_MatchesKnownConversions(int y, int m, int d, int gy, int gm, int gd)
    {
        var g = HistoricalDate.OnDay(y, m, d, CalendarSystem.Julian).Gregorian;

        Assert.Equal((gy, gm, gd), (g.Year, g.Month!.Value, g.Day!.Value));
    }

    [Fact]
    public void CalendarMath_RoundTripsThroughJulianDayNumbers()
    {
        for (long jdn = 1_000_000; jdn < 2_600_000; jdn += 997)
        {
            foreach (var cal in new[] { CalendarSystem.Gregorian, CalendarSystem.Julian })
            {
                var (y, m, d) = CalendarMath.FromJulianDayNumber(jdn, cal);
                Assert.Equal(jdn, CalendarMath.ToJulianDayNumber(y, m, d, cal));
            }
        }
    }

    [Fact]
    public void CalendarMath_KnowsTheReformDay() =>
        Assert.Equal(CalendarMath.GregorianReformDay, CalendarMath.ToJulianDayNumber(1582, 10, 15, CalendarSystem.Gregorian));

    [Theory]
    [InlineData("4 August 1924", "1924-08-04")]
    [InlineData("August 1914", "1914-08")]
    [InlineData("c. 1450", "1450")]
    [InlineData("24 August AD 79", "0079-08-24")]
    [InlineData("25 October 1917 O.S.", "1917-11-07")]
    [InlineData("15 March 44 BC", null)]
    public void MachineReadable_IsTheGregorianIsoFormWhereHtmlCanExpressIt(string input, string? expected) =>
        Assert.Equal(expected, HistoricalDateParser.Parse(input).MachineReadable);

    [Theory]
    [InlineData("4 August 1924", "1924-08-04")]
    [InlineData("15 March 44 BC", "-0043-03-15")]
    [InlineData("1 BC", "0000")]
    [InlineData("August 1914", "1914-08")]
    [InlineData("25 October 1917 O.S.", "1917-10-25")]
    public void ToIsoString_UsesAstronomicalYearsAsRecorded(string input, string expected) =>
        Assert.Equal(expected, HistoricalDateParser.Parse(input).ToIsoString());

    [Fact]
    public void OnDay_RejectsDaysThatDoNotExist() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoricalDate.OnDay(1900, 2, 29));
}
