using Almanac.Core.Calendar;

namespace Almanac.Core.Tests.Calendar;

public class AnniversariesTests
{
    [Fact]
    public void YearsAgo_CountsFromTheGivenToday() =>
        Assert.Equal(100, Anniversaries.YearsAgo(HistoricalDateParser.Parse("4 August 1924"), 2024));

    [Fact]
    public void YearsAgo_CountsAcrossTheEraWithoutAYearZero()
    {
        // From 15 March 44 BC to 15 March AD 2026: 43 + 2026 = 2069 years (there is no year 0).
        Assert.Equal(2069, Anniversaries.YearsAgo(HistoricalDateParser.Parse("15 March 44 BC"), 2026));
        Assert.Equal(1, Anniversaries.YearsAgo(HistoricalDateParser.Parse("1 BC"), 1));
    }

    [Fact]
    public void YearsAgo_UsesTheGregorianYearOfOldStyleDates() =>
        Assert.Equal(1, Anniversaries.YearsAgo(HistoricalDateParser.Parse("25 December 1700 O.S."), 1702));

    [Theory]
    [InlineData(25, true)]
    [InlineData(50, true)]
    [InlineData(75, true)]
    [InlineData(100, true)]
    [InlineData(125, true)]
    [InlineData(150, true)]
    [InlineData(175, false)]
    [InlineData(200, true)]
    [InlineData(225, false)]
    [InlineData(250, true)]
    [InlineData(300, true)]
    [InlineData(2050, true)]
    [InlineData(0, false)]
    [InlineData(10, false)]
    [InlineData(99, false)]
    [InlineData(-25, false)]
    public void IsRound_Marks25YearStepsThen50YearSteps(int years, bool round) =>
        Assert.Equal(round, Anniversaries.IsRound(years));

    [Theory]
    [InlineData(0, "this year")]
    [InlineData(1, "1 year ago")]
    [InlineData(102, "102 years ago")]
    public void Describe_SaysHowLongAgo(int years, string expected) =>
        Assert.Equal(expected, Anniversaries.Describe(years));
}
