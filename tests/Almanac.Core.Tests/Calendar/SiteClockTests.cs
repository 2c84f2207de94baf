using Almanac.Core.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Almanac.Core.Tests.Calendar;

public class SiteClockTests
{
    [Fact]
    public void Today_IsTheCalendarDayInTheConfiguredZone()
    {
        // 23:30 UTC on 3 August is already 4 August in Berlin (UTC+2 in summer) but still 3 August in New York.
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 8, 3, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new CalendarDay(8, 4), Clock(time, "Europe/Berlin").TodayDay);
        Assert.Equal(new CalendarDay(8, 3), Clock(time, "America/New_York").TodayDay);
        Assert.Equal(new DateOnly(2024, 8, 3), Clock(time, "UTC").Today);
    }

    [Fact]
    public void Today_MovesWithTheTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2023, 2, 28, 23, 0, 0, TimeSpan.Zero));
        var clock = Clock(time, "UTC");
        Assert.Equal(new CalendarDay(2, 28), clock.TodayDay);

        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(new CalendarDay(3, 1), clock.TodayDay);
    }

    [Fact]
    public void UnknownZone_FailsWithAClearMessage()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Clock(new FakeTimeProvider(), "Mars/Olympus_Mons").Today);
        Assert.Contains("Mars/Olympus_Mons", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Today_FollowsAZoneChangedAtRunTime()
    {
        // 23:30 UTC on 3 August: still the 3rd in UTC, already the 4th in Berlin.
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 8, 3, 23, 30, 0, TimeSpan.Zero));
        var options = new SettableOptions<SiteOptions>(new SiteOptions { TimeZone = "UTC" });
        var clock = new SiteClock(time, options);
        Assert.Equal(new CalendarDay(8, 3), clock.TodayDay);

        options.CurrentValue = new SiteOptions { TimeZone = "Europe/Berlin" };

        Assert.Equal(new CalendarDay(8, 4), clock.TodayDay);
        Assert.Equal("Europe/Berlin", clock.Zone.Id);
    }

    private static SiteClock Clock(TimeProvider time, string zone) =>
        new(time, new SettableOptions<SiteOptions>(new SiteOptions { TimeZone = zone }));
}
