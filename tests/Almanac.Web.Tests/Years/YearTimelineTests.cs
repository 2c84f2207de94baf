using System.Globalization;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;

namespace Almanac.Web.Tests.Years;

public class YearTimelineTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task YearTimeline_GroupsTheYearsStoriesByMonthInOrder()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/year/1945");

        // The samples of 1945: 27 January, 6 August, 2 September and 24 October.
        Assert.Equal(["January 1945", "August 1945", "September 1945", "October 1945"], Months(page).Select(m => m.Label));
        Assert.All(Months(page), m => Assert.Single(m.Items));
        var august = Months(page)[1].Items[0];
        Assert.Equal("/day/august-6", august.QuerySelector(".timeline-date a")?.GetAttribute("href"));
        Assert.Equal("6 August", august.QuerySelector(".timeline-date").Text());
        Assert.Contains("6 August 1945", august.QuerySelector(".meta").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearTimeline_PlacesOldStyleDatesInTheMonthOfTheirDayPage()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/year/1917");

        // 2 March (O.S.) is 15 March; 25 October (O.S.) is 7 November, the day page the revolution is on.
        var months = Months(page);
        Assert.Equal(["March 1917", "November 1917"], months.Select(m => m.Label));
        var revolution = months[1].Items.Single();
        Assert.Equal("/day/november-7", revolution.QuerySelector(".timeline-date a")?.GetAttribute("href"));
        Assert.Contains("25 October (O.S.) / 7 November 1917", revolution.QuerySelector(".meta").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearTimeline_PutsYearOnlyStoriesFirstAndMonthOnlyStoriesAtTheTopOfTheirMonth()
    {
        // This test owns 1650. Added in an order unlike the page's, so the page's order is its own.
        await AddStoryAsync("1650-timeline-may-20", "May Twentieth", HistoricalDate.OnDay(1650, 5, 20));
        await AddStoryAsync("1650-timeline-may-3", "May Third", HistoricalDate.OnDay(1650, 5, 3));
        await AddStoryAsync("1650-timeline-january", "January Day", HistoricalDate.OnDay(1650, 1, 9));
        await AddStoryAsync("1650-timeline-some-may", "Sometime in May", HistoricalDate.InMonth(1650, 5));
        await AddStoryAsync("1650-timeline-some-year", "Sometime that Year", HistoricalDate.InYear(1650, circa: true));

        var months = Months(await app.CreateReaderClient().GetOkPageAsync("/year/1650"));

        Assert.Equal(["Month unknown", "January 1650", "May 1650"], months.Select(m => m.Label));
        Assert.Equal(["Sometime that Year"], Titles(months[0]));
        Assert.Equal("c. 1650", months[0].Items[0].QuerySelector(".timeline-date").Text());
        Assert.Equal(["Sometime in May", "May Third", "May Twentieth"], Titles(months[2]));
        Assert.Equal("/month/may", months[2].Items[0].QuerySelector(".timeline-date a")?.GetAttribute("href"));
        Assert.Equal("/day/may-3", months[2].Items[1].QuerySelector(".timeline-date a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task YearTimeline_GroupsEachPageOfALongYear()
    {
        // This test owns 1666: 36 stories, three on the 10th of every month, so two pages of 30 and 6.
        for (int month = 12; month >= 1; month--)
        {
            for (int n = 1; n <= 3; n++)
            {
                await AddStoryAsync($"1666-timeline-{month}-{n}", $"Story {n} of month {month}", HistoricalDate.OnDay(1666, month, 10));
            }
        }

        var client = app.CreateReaderClient();
        var first = Months(await client.GetOkPageAsync("/year/1666"));
        var second = Months(await client.GetOkPageAsync("/year/1666?page=2"));

        Assert.Equal(Enumerable.Range(1, 10).Select(m => new DateOnly(2000, m, 1).ToString("MMMM", CultureInfo.InvariantCulture) + " 1666"), first.Select(m => m.Label));
        Assert.Equal(30, first.Sum(m => m.Items.Count));
        Assert.Equal(["November 1666", "December 1666"], second.Select(m => m.Label));
        Assert.Equal(["Story 1 of month 12", "Story 2 of month 12", "Story 3 of month 12"], Titles(second[1]));
    }

    private static List<(string Label, List<IElement> Items)> Months(IDocument page) =>
        [.. page.QuerySelectorAll("ol.year-timeline > li").Select(group =>
        {
            var list = group.QuerySelector("ol.timeline")!;
            // Each month labels its list of stories.
            var label = group.QuerySelector(".year-timeline-month")!;
            Assert.Equal(label.Id, list.GetAttribute("aria-labelledby"));
            return (label.Text(), list.Children.ToList());
        })];

    private static List<string> Titles((string Label, List<IElement> Items) month) =>
        [.. month.Items.Select(i => i.QuerySelector("h2").Text())];

    private async Task AddStoryAsync(string slug, string title, HistoricalDate date)
    {
        await using var scope = app.OpenDb();
        var story = new Story
        {
            Slug = slug,
            Title = title,
            Kind = StoryKind.Event,
            Date = date,
            Summary = "A story that exists for the year timeline tests.",
            Status = StoryStatus.Published,
            PublishedAtUtc = app.Time.GetUtcNow().UtcDateTime.AddDays(-1),
            UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
        };
        story.SetBody("A test story.");
        scope.Db.Stories.Add(story);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
