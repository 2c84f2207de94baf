using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Features.Calendar;
using Almanac.Web.Hosting;

namespace Almanac.Web.Tests.Calendar;

/// <summary>The two rules of docs/calendar.md, and the calendar's links, without a site.</summary>
public class AnniversaryRuleTests
{
    [Theory]
    [InlineData(1924, 8, 4, "1924-08-04")]
    [InlineData(1601, 1, 1, "1601-01-01")]
    [InlineData(1600, 12, 31, "1604-12-31")]
    [InlineData(1120, 11, 25, "1604-11-25")]
    [InlineData(79, 8, 24, "1604-08-24")]
    [InlineData(-43, 3, 15, "1604-03-15")]
    [InlineData(1940, 2, 29, "1940-02-29")]
    [InlineData(1504, 2, 29, "1604-02-29")]
    public void FirstOccurrence_IsTheHappeningsYearFrom1601OnElse1604(int year, int month, int day, string expected)
    {
        var date = HistoricalDate.OnDay(year, month, day);

        Assert.Equal(expected, AnniversaryCalendar.FirstOccurrence(date, date.Placement!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FirstOccurrence_OfAStoryPlacedOnALeapDayItsYearLacks_IsInTheBaseYear()
    {
        // An editor may place a story of 1 March 1923 on 29 February; 1923 has no such day.
        var date = HistoricalDate.OnDay(1923, 3, 1);

        Assert.Equal(new DateOnly(1604, 2, 29), AnniversaryCalendar.FirstOccurrence(date, CalendarDay.LeapDay));
    }

    [Fact]
    public void FirstOccurrence_OfAnOldStyleDate_IsItsGregorianDayAndYear()
    {
        // 21 December 1700 (O.S.) is 1 January 1701 in the Gregorian calendar.
        var date = HistoricalDate.OnDay(1700, 12, 21, CalendarSystem.Julian);

        Assert.Equal(new DateOnly(1701, 1, 1), AnniversaryCalendar.FirstOccurrence(date, date.Placement!.Value));
    }

    [Fact]
    public void Recurrence_OfTheLeapDayIsTheLastDayOfFebruary()
    {
        var leapDay = AnniversaryCalendar.Recurrence(CalendarDay.LeapDay);
        var other = AnniversaryCalendar.Recurrence(new CalendarDay(2, 28));

        Assert.Equal(Ical.Net.FrequencyType.Yearly, leapDay.Frequency);
        Assert.Equal([2], leapDay.ByMonth);
        Assert.Equal([-1], leapDay.ByMonthDay);
        Assert.Equal(Ical.Net.FrequencyType.Yearly, other.Frequency);
        Assert.Empty(other.ByMonth);
        Assert.Empty(other.ByMonthDay);
    }

    [Fact]
    public void CalendarLinks_CarryTheirFiltersAndAWebcalTwin()
    {
        var links = new SiteLinks(Microsoft.Extensions.Options.Options.Create(new SiteOptions { BaseUrl = "https://almanac.example/" }));

        Assert.Equal("/anniversaries.ics", SiteLinks.AnniversaryCalendar());
        Assert.Equal("/anniversaries.ics?kind=birth&topic=rosa-parks", SiteLinks.AnniversaryCalendar(StoryKind.Birth, topic: "rosa-parks"));
        Assert.Equal("/anniversaries.ics?category=a%26b", SiteLinks.AnniversaryCalendar(category: "a&b"));
        Assert.Equal("webcal://almanac.example/anniversaries.ics?topic=mexico",
            links.Webcal(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request, SiteLinks.AnniversaryCalendar(topic: "mexico")));
    }
}
