using Almanac.Core.Calendar;
using Almanac.Core.Newsroom;

namespace Almanac.Core.Tests.Newsroom;

public class StoryDateTextTests
{
    [Theory]
    [InlineData("4 August 1924")]
    [InlineData("15 March 44 BC")]
    [InlineData("August 1914")]
    [InlineData("c. 1450")]
    [InlineData("25 October 1917 O.S.")]
    [InlineData("15 March AD 79")]
    [InlineData("1 March 1200 O.S.")]
    public void ForEditing_ReadsBackAsTheSameDate(string text)
    {
        var date = HistoricalDateParser.Parse(text);

        Assert.Equal(date, HistoricalDateParser.Parse(StoryDateText.ForEditing(date)));
    }

    [Fact]
    public void Reading_ShowsAnOldStyleDateWithItsGregorianDay()
    {
        Assert.Equal("25 October 1917 (O.S.) → shown on 7 November", StoryDateText.Reading(HistoricalDateParser.Parse("25 October 1917 O.S.")));
    }

    [Fact]
    public void Reading_OfAYearOnlyDate_SaysItHasNoDayPage()
    {
        Assert.Equal("44 BC → on the year page of 44 BC only (no day page)", StoryDateText.Reading(HistoricalDateParser.Parse("44 BC")));
    }

    [Theory]
    [InlineData("7 November", 11, 7)]
    [InlineData("November 7", 11, 7)]
    [InlineData("02-29", 2, 29)]
    public void TryParseDay_ReadsADayOfTheYear(string text, int month, int day)
    {
        Assert.True(StoryDateText.TryParseDay(text, out var parsed, out _));
        Assert.Equal(new CalendarDay(month, day), parsed);
    }

    [Theory]
    [InlineData("31 November")]
    [InlineData("someday")]
    [InlineData("")]
    public void TryParseDay_RejectsWhatIsNotADay(string text)
    {
        Assert.False(StoryDateText.TryParseDay(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
