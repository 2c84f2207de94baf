using System.Globalization;
using Almanac.Core.Calendar;

namespace Almanac.Core.Tests.Calendar;

public class CalendarDayTests
{
    [Theory]
    [InlineData("august-4", 8, 4, true)]
    [InlineData("08-04", 8, 4, false)]
    [InlineData("8-4", 8, 4, false)]
    [InlineData("August-4", 8, 4, false)]
    [InlineData("february-29", 2, 29, true)]
    public void TryParse_ReadsSlugsAndNumbers(string text, int month, int day, bool canonical)
    {
        Assert.True(CalendarDay.TryParse(text, out var d, out bool isCanonical));
        Assert.Equal(new CalendarDay(month, day), d);
        Assert.Equal(canonical, isCanonical);
    }

    [Theory]
    [InlineData("february-30")]
    [InlineData("13-01")]
    [InlineData("00-10")]
    [InlineData("august")]
    [InlineData("august-")]
    [InlineData("-4")]
    [InlineData("")]
    [InlineData("august-+4")]
    [InlineData("smarch-4")]
    public void TryParse_RejectsDaysThatDoNotExist(string text) =>
        Assert.False(CalendarDay.TryParse(text, out _, out _));

    [Fact]
    public void NextAndPrevious_WalkThroughTheLeapDayAndWrapAtNewYear()
    {
        Assert.Equal(new CalendarDay(2, 29), new CalendarDay(2, 28).Next());
        Assert.Equal(new CalendarDay(3, 1), new CalendarDay(2, 29).Next());
        Assert.Equal(new CalendarDay(1, 1), new CalendarDay(12, 31).Next());
        Assert.Equal(new CalendarDay(12, 31), new CalendarDay(1, 1).Previous());
    }

    [Fact]
    public void DaysListedIn_AddsTheLeapDayTo28FebruaryInCommonYears()
    {
        var feb28 = new CalendarDay(2, 28);

        Assert.Equal([feb28, CalendarDay.LeapDay], feb28.DaysListedIn(2026));
        Assert.Equal([feb28], feb28.DaysListedIn(2028));
        Assert.Equal([feb28], feb28.DaysListedIn(2000));
        Assert.Equal([feb28, CalendarDay.LeapDay], feb28.DaysListedIn(1900));
        Assert.Equal([new CalendarDay(3, 1)], new CalendarDay(3, 1).DaysListedIn(2026));
    }

    [Fact]
    public void HeaderFormat_DefaultsToTheSeedSiteForm()
    {
        var options = new SiteOptions();

        Assert.Equal("04.08.", new CalendarDay(8, 4).ToHeaderString(options.DayHeaderFormat, CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("29.02.", CalendarDay.LeapDay.ToHeaderString(options.DayHeaderFormat, CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("August 4", new CalendarDay(8, 4).ToHeaderString("MMMM d", CultureInfo.GetCultureInfo("en-US")));
    }

    [Fact]
    public void Display_NamesTheDay() =>
        Assert.Equal("4 August", new CalendarDay(8, 4).ToDisplayString(CultureInfo.GetCultureInfo("en-GB")));

    [Fact]
    public void EveryDayOfTheLeapYear_HasAUniqueSlugThatParsesBack()
    {
        var seen = new HashSet<string>();
        var day = new CalendarDay(1, 1);
        for (int i = 0; i < 366; i++)
        {
            Assert.True(seen.Add(day.Slug));
            Assert.True(CalendarDay.TryParse(day.Slug, out var back, out bool canonical));
            Assert.Equal(day, back);
            Assert.True(canonical);
            day = day.Next();
        }

        Assert.Equal(new CalendarDay(1, 1), day);
    }
}
