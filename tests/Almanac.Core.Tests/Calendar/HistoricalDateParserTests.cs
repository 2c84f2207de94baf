using Almanac.Core.Calendar;

namespace Almanac.Core.Tests.Calendar;

public class HistoricalDateParserTests
{
    [Theory]
    [InlineData("4 August 1924", 1924, 8, 4)]
    [InlineData("1924-08-04", 1924, 8, 4)]
    [InlineData("August 4, 1924", 1924, 8, 4)]
    [InlineData("4 Aug 1924", 1924, 8, 4)]
    [InlineData("  4   august 1924 ", 1924, 8, 4)]
    [InlineData("15 March 44 BC", -43, 3, 15)]
    [InlineData("15 March 44 BCE", -43, 3, 15)]
    [InlineData("24 August AD 79", 79, 8, 24)]
    [InlineData("29 February 2024", 2024, 2, 29)]
    [InlineData("-0043-03-15", -43, 3, 15)]
    public void Parse_ReadsDayPreciseDates(string text, int year, int month, int day)
    {
        var date = HistoricalDateParser.Parse(text);

        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.Equal((year, month, day), (date.Year, date.Month!.Value, date.Day!.Value));
        Assert.Equal(CalendarSystem.Gregorian, date.Calendar);
        Assert.False(date.Circa);
    }

    [Fact]
    public void Parse_ReadsBcYearAsAstronomicalYear()
    {
        var date = HistoricalDateParser.Parse("44 BC");

        Assert.Equal(-43, date.Year);
        Assert.Equal(DatePrecision.Year, date.Precision);
    }

    [Fact]
    public void Parse_OneBcIsAstronomicalYearZero()
    {
        Assert.Equal(0, HistoricalDateParser.Parse("1 BC").Year);
        Assert.Equal(1, HistoricalDateParser.Parse("AD 1").Year);
    }

    [Theory]
    [InlineData("c. 1450")]
    [InlineData("ca. 1450")]
    [InlineData("circa 1450")]
    public void Parse_ReadsCirca(string text)
    {
        var date = HistoricalDateParser.Parse(text);

        Assert.True(date.Circa);
        Assert.Equal(1450, date.Year);
        Assert.Equal(DatePrecision.Year, date.Precision);
    }

    [Fact]
    public void Parse_ReadsMonthPrecision()
    {
        var date = HistoricalDateParser.Parse("August 1914");

        Assert.Equal(DatePrecision.Month, date.Precision);
        Assert.Equal(8, date.Month);
        Assert.Null(date.Day);
        Assert.Null(date.Placement);
    }

    [Theory]
    [InlineData("25 October 1917 O.S.")]
    [InlineData("25 October 1917 (O.S.)")]
    [InlineData("25 October 1917 OS")]
    [InlineData("25 October 1917 Old Style")]
    public void Parse_ReadsOldStyleAsJulian(string text)
    {
        var date = HistoricalDateParser.Parse(text);

        Assert.Equal(CalendarSystem.Julian, date.Calendar);
        Assert.Equal((1917, 10, 25), (date.Year, date.Month!.Value, date.Day!.Value));
        Assert.True(date.IsOldStyle);
    }

    [Theory]
    [InlineData("31 February 1900", "February 1900 has 28 days")]
    [InlineData("29 February 1900", "February 1900 has 28 days")]
    [InlineData("0 AD", "There is no year 0")]
    [InlineData("0", "There is no year 0")]
    [InlineData("", "Enter a date")]
    [InlineData("   ", "Enter a date")]
    [InlineData("31 June 1950", "June 1950 has 30 days")]
    [InlineData("4 Augustus 1924", "not the name of a month")]
    [InlineData("yesterday", "is not a date")]
    [InlineData("1924-13-01", "13 is not a month")]
    [InlineData("32 May 1900", "32 is not a day")]
    [InlineData("August 1917 O.S.", "Old Style (O.S.) applies to a full date")]
    public void TryParse_NamesWhatIsWrong(string text, string expected)
    {
        bool ok = HistoricalDateParser.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_AcceptsLeapDayInJulianCenturyYear()
    {
        // 1700 is a leap year in the Julian calendar but not in the Gregorian one.
        Assert.True(HistoricalDateParser.TryParse("29 February 1700 O.S.", out var date, out _));
        Assert.False(HistoricalDateParser.TryParse("29 February 1700", out _, out _));
        Assert.Equal(new CalendarDay(3, 11), date.Placement);
    }

    [Fact]
    public void TryParse_RefusesOverlongInput()
    {
        Assert.False(HistoricalDateParser.TryParse(new string('9', 10_000), out _, out var error));
        Assert.Contains("at most", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThrowsFormatExceptionWithTheReason()
    {
        var e = Assert.Throws<FormatException>(() => HistoricalDateParser.Parse("31 February 1900"));
        Assert.Contains("28 days", e.Message, StringComparison.Ordinal);
    }
}
