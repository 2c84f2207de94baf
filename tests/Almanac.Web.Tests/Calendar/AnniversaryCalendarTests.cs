using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Features.Calendar;
using Almanac.Web.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IcsCalendar = Ical.Net.Calendar;

namespace Almanac.Web.Tests.Calendar;

public class AnniversaryCalendarTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task Calendar_IsReadAlikeByIcalNetAndIcalJs()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/anniversaries.ics");
        request.Headers.Add("Origin", "https://elsewhere.example");
        var response = await app.CreateReaderClient().SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        response.AssertPublicAndCookieFree();

        var calendar = IcsCalendar.Load(text)!;
        var js = await IcalJs.ParseAsync(text);
        var expected = await PublishedDayPreciseIdsAsync();
        Assert.Equal(expected.Select(Uid).Order(), calendar.Events.Select(e => e.Uid!).Order());
        Assert.Equal(expected.Select(Uid).Order(), js.Events.Select(e => e.Uid).Order());
        Assert.All(calendar.Events, e =>
        {
            Assert.True(e.IsAllDay);
            Assert.Equal(FrequencyType.Yearly, e.RecurrenceRule!.Frequency);
            Assert.StartsWith("https://almanac.test/on-this-day/", e.Url!.ToString(), StringComparison.Ordinal);
            Assert.Equal("TRANSPARENT", e.Transparency);
            var other = js.Events.Single(j => j.Uid == e.Uid);
            Assert.Equal(e.Summary, other.Summary);
            Assert.Equal(e.Description, other.Description);
            Assert.Equal(e.Url.ToString(), other.Url);
            Assert.Equal(Day(e.DtStart!), other.Dtstart);
            Assert.True(other.IsDate);
            Assert.Equal(e.Categories, other.Categories);
        });

        Assert.Equal("Almanac: anniversaries", js.Name);
        Assert.Contains("Almanac", js.Description, StringComparison.Ordinal);
        Assert.Equal("-//Almanac//Anniversaries//EN", js.Prodid);
        Assert.Equal("P1D", js.RefreshInterval);
        Assert.Equal("P1D", js.PublishedTtl);
        Assert.Contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n", text, StringComparison.Ordinal);
        Assert.Equal("Almanac: anniversaries", calendar.Properties.Get<string>("X-WR-CALNAME"));
    }

    [Fact]
    public async Task Event_CarriesHeadlineSummaryLinkKindAndEditTime()
    {
        Story story;
        await using (var scope = app.OpenDb())
        {
            story = await scope.Db.Stories.AsNoTracking().SingleAsync(s => s.Slug == Samples.MexicoUssr, TestContext.Current.CancellationToken);
        }

        var (calendar, js, _) = await LoadAsync("/anniversaries.ics");

        var e = calendar.Events.Single(x => x.Uid == $"story-{story.Id}@almanac.test");
        var url = $"https://almanac.test/on-this-day/{Samples.MexicoUssr}";
        Assert.Equal("1924: Diplomatic Relations Established between Mexico and the USSR", e.Summary);
        Assert.Equal($"{story.Summary}\n\n{url}", e.Description);
        Assert.Equal(url, e.Url!.ToString());
        Assert.Equal("1924-08-04", Day(e.DtStart!));
        Assert.Equal("1924-08-05", Day(e.DtEnd!));
        Assert.Equal(["Historical event"], e.Categories);
        var updated = DateTime.SpecifyKind(story.UpdatedAtUtc, DateTimeKind.Utc);
        Assert.Equal(updated.AddTicks(-(updated.Ticks % TimeSpan.TicksPerSecond)), e.DtStamp!.AsUtc);
        Assert.Equal(e.DtStamp.AsUtc, e.LastModified!.AsUtc);
        Assert.Equal(["2025-08-04", "2026-08-04", "2027-08-04", "2028-08-04"], IcalNetOccurrences(e));
        Assert.Equal(IcalNetOccurrences(e), js.Events.Single(x => x.Uid == e.Uid).Occurrences);
    }

    [Fact]
    public async Task LeapDayStories_RecurOnFebruary28InCommonYears()
    {
        var (calendar, js, _) = await LoadAsync("/anniversaries.ics");

        string[] expected = ["2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"];
        var leapDay = calendar.Events.Where(e => e.DtStart!.Month == 2 && e.DtStart.Day == 29).ToList();
        Assert.Equal(2, leapDay.Count);
        Assert.All(leapDay, e =>
        {
            Assert.Equal("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", e.RecurrenceRule!.ToString());
            Assert.Equal(expected, IcalNetOccurrences(e));
            var other = js.Events.Single(x => x.Uid == e.Uid);
            Assert.Equal("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", other.Rrule);
            Assert.Equal(expected, other.Occurrences);
        });

        // 1940 is representable and a leap year; 1504 is before the earliest year, so it starts in 1604.
        Assert.Equal("1940-02-29", Day(leapDay.Single(e => e.Summary!.StartsWith("1940:", StringComparison.Ordinal)).DtStart!));
        Assert.Equal("1604-02-29", Day(leapDay.Single(e => e.Summary!.StartsWith("1504:", StringComparison.Ordinal)).DtStart!));
    }

    [Fact]
    public async Task BcStory_StartsInTheBaseYearAndKeepsItsYearInTheSummary()
    {
        var (calendar, js, text) = await LoadAsync("/anniversaries.ics");

        var caesar = calendar.Events.Single(e => e.Summary == "44 BC: Julius Caesar Is Assassinated in the Senate");
        Assert.Equal("1604-03-15", Day(caesar.DtStart!));
        Assert.Equal("FREQ=YEARLY", caesar.RecurrenceRule!.ToString());
        Assert.Equal(["2025-03-15", "2026-03-15", "2027-03-15", "2028-03-15"], IcalNetOccurrences(caesar));
        var other = js.Events.Single(e => e.Uid == caesar.Uid);
        Assert.Equal("44 BC: Julius Caesar Is Assassinated in the Senate", other.Summary);
        Assert.Equal("1604-03-15", other.Dtstart);
        Assert.Equal(IcalNetOccurrences(caesar), other.Occurrences);

        // No DTSTART reaches before 1601, the earliest date Outlook accepts.
        Assert.All(calendar.Events, e => Assert.True(e.DtStart!.Year >= AnniversaryCalendar.EarliestYear, e.Summary));
        Assert.DoesNotContain(";VALUE=DATE:0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldStyleStories_StartOnTheirGregorianDay()
    {
        var (calendar, js, _) = await LoadAsync("/anniversaries.ics");

        var october = calendar.Events.Single(e => e.Summary == "1917: The Bolsheviks Seize Power in the October Revolution");
        Assert.Equal("1917-11-07", Day(october.DtStart!));
        Assert.Equal("1917-11-07", js.Events.Single(e => e.Uid == october.Uid).Dtstart);
        var charles = calendar.Events.Single(e => e.Summary!.StartsWith("1649: King Charles I", StringComparison.Ordinal));
        Assert.Equal("1649-02-09", Day(charles.DtStart!));
    }

    [Fact]
    public async Task KindFilter_KeepsOnlyThatKind()
    {
        // The whole calendar first: a filtered one must never be served from its cache entry.
        await LoadAsync("/anniversaries.ics");
        var (calendar, js, _) = await LoadAsync("/anniversaries.ics?kind=birth");

        var births = await PublishedDayPreciseIdsAsync(s => s.Kind == StoryKind.Birth);
        Assert.NotEmpty(births);
        Assert.Equal(births.Select(Uid).Order(), calendar.Events.Select(e => e.Uid!).Order());
        Assert.All(js.Events, e => Assert.Equal(["Born on this day"], e.Categories));
        Assert.Equal("Almanac: anniversaries (Births)", js.Name);
    }

    [Fact]
    public async Task CategoryAndTopicFilters_KeepTheirStories()
    {
        var (byCategory, _, _) = await LoadAsync("/anniversaries.ics?category=politics-government");
        var (byTopic, topicJs, _) = await LoadAsync("/anniversaries.ics?topic=mexico");

        var inCategory = await PublishedDayPreciseIdsAsync(s => s.Categories.Any(c => c.Slug == "politics-government"));
        var inTopic = await PublishedDayPreciseIdsAsync(s => s.Topics.Any(t => t.Slug == "mexico"));
        Assert.Equal(inCategory.Select(Uid).Order(), byCategory.Events.Select(e => e.Uid!).Order());
        Assert.Equal(inTopic.Select(Uid).Order(), byTopic.Events.Select(e => e.Uid!).Order());
        Assert.Contains(byCategory.Events, e => e.Summary!.Contains("Mexico and the USSR", StringComparison.Ordinal));
        Assert.Equal(3, inTopic.Count);
        Assert.Equal("Almanac: anniversaries (Mexico)", topicJs.Name);
    }

    [Fact]
    public async Task Filters_CombineWithAnd()
    {
        var (calendar, js, _) = await LoadAsync("/anniversaries.ics?kind=death&topic=mexico");

        var trotsky = Assert.Single(calendar.Events);
        Assert.Equal("1940: Leon Trotsky Dies in Mexico City After an Assassin's Attack", trotsky.Summary);
        Assert.Equal("Almanac: anniversaries (Deaths, Mexico)", js.Name);
    }

    [Fact]
    public async Task EmptyFilters_AreNoFilters()
    {
        var (all, _, _) = await LoadAsync("/anniversaries.ics");
        var (empty, _, _) = await LoadAsync("/anniversaries.ics?kind=&category=&topic=");

        Assert.Equal(all.Events.Select(e => e.Uid).Order(), empty.Events.Select(e => e.Uid).Order());
    }

    [Theory]
    [InlineData("/anniversaries.ics?category=no-such-category", HttpStatusCode.NotFound)]
    [InlineData("/anniversaries.ics?topic=no-such-topic", HttpStatusCode.NotFound)]
    [InlineData("/anniversaries.ics?kind=birth&topic=no-such-topic", HttpStatusCode.NotFound)]
    [InlineData("/anniversaries.ics?kind=dragon", HttpStatusCode.BadRequest)]
    [InlineData("/anniversaries.ics?kind=birth&kind=death", HttpStatusCode.BadRequest)]
    public async Task BadFilters_AreProblemJson(string path, HttpStatusCode status)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Calendar_AnswersConditionalRequestsWith304()
    {
        var client = app.CreateReaderClient();
        var first = await client.GetAsync("/anniversaries.ics", TestContext.Current.CancellationToken);
        var filtered = await client.GetAsync("/anniversaries.ics?kind=event", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!;

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/anniversaries.ics");
        byTag.Headers.IfNoneMatch.Add(etag);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/anniversaries.ics");
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified!.Value;
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/anniversaries.ics");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));

        Assert.NotEqual(etag, filtered.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byTag, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task HostileTitles_AreEscapedSoBothParsersReadThemBack()
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        var story = new Story
        {
            Slug = "1666-calendar-hostile-text",
            Title = "Commas, semicolons; a back\\slash\nEND:VEVENT\r\nBEGIN:VTODO \u0007bell",
            Kind = StoryKind.Event,
            Date = HistoricalDate.OnDay(1666, 9, 2),
            Summary = "Summary, with; all\\ of it\r\nover two lines",
            Status = StoryStatus.Published,
            PublishedAtUtc = now,
            UpdatedAtUtc = now,
        };
        await AddAsync(story);

        var (calendar, js, _) = await LoadAsync("/anniversaries.ics");

        const string summary = "1666: Commas, semicolons; a back\\slash\nEND:VEVENT\nBEGIN:VTODO bell";
        const string description = "Summary, with; all\\ of it\nover two lines\n\nhttps://almanac.test/on-this-day/1666-calendar-hostile-text";
        var e = calendar.Events.Single(x => x.Uid == Uid(story.Id));
        Assert.Equal(summary, e.Summary);
        Assert.Equal(description, e.Description);
        Assert.Empty(calendar.Todos);
        var other = js.Events.Single(x => x.Uid == Uid(story.Id));
        Assert.Equal(summary, other.Summary);
        Assert.Equal(description, other.Description);
        Assert.Equal((await PublishedDayPreciseIdsAsync()).Count, js.Events.Count);
    }

    [Fact]
    public async Task OnlyPublishedDayPreciseStories_AreInTheCalendar()
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        Story Make(string slug, HistoricalDate date, StoryStatus status, DateTime? publishedAtUtc) => new()
        {
            Slug = slug,
            Title = slug,
            Kind = StoryKind.Event,
            Date = date,
            Status = status,
            PublishedAtUtc = publishedAtUtc,
            UpdatedAtUtc = now,
        };
        var draft = Make("1950-calendar-draft", HistoricalDate.OnDay(1950, 5, 5), StoryStatus.Draft, null);
        var scheduled = Make("1951-calendar-scheduled", HistoricalDate.OnDay(1951, 5, 5), StoryStatus.Scheduled, now.AddDays(3));
        var monthOnly = Make("1952-calendar-month-only", HistoricalDate.InMonth(1952, 5), StoryStatus.Published, now);
        var published = Make("1953-calendar-published", HistoricalDate.OnDay(1953, 5, 5), StoryStatus.Published, now);
        await AddAsync(draft, scheduled, monthOnly, published);

        var (calendar, js, _) = await LoadAsync("/anniversaries.ics");

        var uids = calendar.Events.Select(e => e.Uid).ToHashSet();
        Assert.Contains(Uid(published.Id), uids);
        Assert.DoesNotContain(Uid(draft.Id), uids);
        Assert.DoesNotContain(Uid(scheduled.Id), uids);
        Assert.DoesNotContain(Uid(monthOnly.Id), uids);
        Assert.DoesNotContain(js.Events, e => e.Summary.Contains("Communist Manifesto", StringComparison.Ordinal) || e.Summary.Contains("Gutenberg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Footer_OffersWebcalSubscriptionAndDownload()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/");

        Assert.NotNull(page.QuerySelector("footer a[href='webcal://almanac.test/anniversaries.ics']"));
        var download = page.QuerySelector("footer a[href='/anniversaries.ics'][download]");
        Assert.NotNull(download);
        var response = await app.CreateReaderClient().GetAsync(download.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/category/politics-government", "/anniversaries.ics?category=politics-government")]
    [InlineData("/topic/mexico", "/anniversaries.ics?topic=mexico")]
    public async Task TagPages_OfferTheirOwnCalendar(string page, string calendar)
    {
        var document = await app.CreateReaderClient().GetOkPageAsync(page);

        Assert.NotNull(document.QuerySelector($"main a[href='webcal://almanac.test{calendar}']"));
        Assert.NotNull(document.QuerySelector($"main a[href='{calendar}']"));
        var response = await app.CreateReaderClient().GetAsync(calendar, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(IcsCalendar Calendar, IcalJs.JsCalendar Js, string Text)> LoadAsync(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (IcsCalendar.Load(text)!, await IcalJs.ParseAsync(text), text);
    }

    private async Task<List<int>> PublishedDayPreciseIdsAsync(System.Linq.Expressions.Expression<Func<Story, bool>>? filter = null)
    {
        await using var scope = app.OpenDb();
        var stories = scope.Db.Stories.Published(app.Time.GetUtcNow().UtcDateTime).Where(s => s.Precision == DatePrecision.Day);
        return await (filter is null ? stories : stories.Where(filter)).Select(s => s.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Adds stories and evicts cached pages, as an editor's save would.</summary>
    private async Task AddAsync(params Story[] stories)
    {
        await using (var scope = app.OpenDb())
        {
            scope.Db.Stories.AddRange(stories);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CacheTags.Pages, TestContext.Current.CancellationToken);
    }

    private static string Uid(int id) => $"story-{id}@almanac.test";

    private static string Day(CalDateTime date) => date.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> IcalNetOccurrences(CalendarEvent e) =>
        [.. e.GetOccurrences(new CalDateTime(2025, 1, 1)).TakeWhileBefore(new CalDateTime(2029, 1, 1)).Select(o => Day(o.Period.StartTime))];
}
