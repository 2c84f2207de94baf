using System.Text.RegularExpressions;
using Almanac.Web.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Almanac.Web.Tests.Browser;

[Collection(nameof(BrowserGroup))]
public sealed class ReaderJourneyTests(BrowserApp app) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => new(app.StartAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Reader_OpensTodayMovesToTheNextDayAndOpensAStory()
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" });
        var page = await NewPageAtSiteTimeAsync(context);
        // Every cover request of the journey, from its start, for the message should the cover not load.
        var coverEvents = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Note(string what, string url)
        {
            if (url.Contains("/cover/", StringComparison.Ordinal))
            {
                coverEvents.Enqueue($"{clock.Elapsed.TotalSeconds:0.0}s {what} {url[url.IndexOf("/cover/", StringComparison.Ordinal)..]}");
            }
        }

        page.Request += (_, r) => Note("request", r.Url);
        page.Response += (_, r) => Note($"response {r.Status}", r.Url);
        page.RequestFinished += (_, r) => Note("finished", r.Url);
        page.RequestFailed += (_, r) => Note($"failed ({r.Failure})", r.Url);

        await page.GotoAsync(app.BaseUrl + "/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Today, 4 August");

        await page.Locator("nav.date-nav a[rel=next]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/day/august-5$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("5 August");

        await page.Locator("nav.date-nav a[rel=next]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/day/august-6$"));
        await page.Locator("article.featured h2 a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/on-this-day/[^/]+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("1945:");
        await Assertions.Expect(page.Locator("aside.highlights")).ToContainTextAsync("Story Highlights");

        // The cover image really loads (a generated 1200×630 picture).
        var image = page.Locator("figure.story-figure img");
        await image.ScrollIntoViewIfNeededAsync();
        // A lazy image can report "complete" before its request starts: wait for its pixels. The
        // cover is rendered on first request, which takes a while on a busy two-core machine. Poll on
        // a timer: the page's fixed clock can hold back animation frames, which the default polling uses.
        try
        {
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync(), new() { Timeout = 90_000, PollingInterval = 250 });
        }
        catch (TimeoutException)
        {
            var src = await image.EvaluateAsync<string>("img => img.currentSrc");
            var direct = await page.APIRequest.GetAsync(src);
            Assert.Fail($"The cover {src} did not load in the page; fetched directly it answers {direct.Status} {direct.Headers.GetValueOrDefault("content-type")}. The journey's cover requests: {string.Join("; ", coverEvents)}");
        }

        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0);
    }

    [Fact]
    public async Task Reader_PicksADayWithTheMonthPickerWithoutJavaScript()
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + "/day/august-4");
        await page.SelectOptionAsync("#pick-day", "7");
        await page.SelectOptionAsync("#pick-month", "11");
        await page.Locator("form.date-picker button").ClickAsync();

        await page.WaitForURLAsync("**/day/november-7", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.Locator("article.featured")).ToContainTextAsync("25 October (O.S.) / 7 November 1917");
    }

    [Fact]
    public async Task HomePage_SwitchesToTheReadersDayWhenTheirZoneDiffers()
    {
        // The site says 09:00 UTC on 4 August; in Honolulu (UTC-10) it is still 3 August.
        await using var context = await app.Browser.NewTestContextAsync(new() { TimezoneId = "Pacific/Honolulu" });
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(app.Time.GetUtcNow().UtcDateTime);

        await page.GotoAsync(app.BaseUrl + "/");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("3 August");
        await Assertions.Expect(page.Locator(".day-header .eyebrow")).ToContainTextAsync("your time zone");
        Assert.Equal(app.BaseUrl + "/", page.Url);
    }

    [Theory]
    [InlineData("/", "light")]
    [InlineData("/day/november-7", "light")]
    [InlineData("/on-this-day/1924-diplomatic-relations-established-between-mexico-and-the-ussr", "light")]
    [InlineData("/year/1917", "light")]
    [InlineData("/", "dark")]
    [InlineData("/on-this-day/44-bc-julius-caesar-is-assassinated-in-the-senate", "dark")]
    [InlineData("/topic/mexico", "dark")]
    [InlineData("/month/august", "light")]
    [InlineData("/month/february", "dark")]
    [InlineData("/month", "light")]
    [InlineData("/topics", "dark")]
    [InlineData("/topics", "light")]
    [InlineData("/search?q=mexico", "light")]
    [InlineData("/search?q=mexico", "dark")]
    [InlineData("/topic/alvaro-obregon", "light")]
    [InlineData("/topic/julius-caesar", "dark")]
    [InlineData("/year/1917", "dark")]
    public async Task Pages_HaveNoAccessibilityViolations(string path, string scheme)
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light, TimezoneId = "UTC" });
        var page = await NewPageAtSiteTimeAsync(context);
        await page.GotoAsync(app.BaseUrl + path);

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });

        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Fact]
    public async Task Pages_LoadWithoutConsoleErrorsFailedRequestsOrPolicyViolations()
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" });
        var page = await NewPageAtSiteTimeAsync(context);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };

        foreach (var path in new[] { "/", "/day/november-7", "/on-this-day/1924-diplomatic-relations-established-between-mexico-and-the-ussr", "/year/44-bc" })
        {
            await page.GotoAsync(app.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            // Bring lazy images into view so their requests are made (and checked) too.
            var images = page.Locator("figure.story-figure img, article.featured img");
            if (await images.CountAsync() > 0)
            {
                await images.First.ScrollIntoViewIfNeededAsync();
                await Assertions.Expect(images.First).ToHaveJSPropertyAsync("complete", true);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Pages_WorkOnAPhoneWithoutHorizontalScrolling()
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { ViewportSize = new ViewportSize { Width = 320, Height = 640 }, TimezoneId = "UTC" });
        var page = await NewPageAtSiteTimeAsync(context);

        foreach (var path in new[] { "/", "/on-this-day/1924-diplomatic-relations-established-between-mexico-and-the-ussr", "/month/august", "/month", "/year/1917", "/day/august-4" })
        {
            await page.GotoAsync(app.BaseUrl + path);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 320px");
        }
    }

    // The browser's clock agrees with the site's fake clock, so the home page keeps the site's day.
    private async Task<IPage> NewPageAtSiteTimeAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(app.Time.GetUtcNow().UtcDateTime);
        return page;
    }
}

[CollectionDefinition(nameof(BrowserGroup))]
public sealed class BrowserGroup : ICollectionFixture<BrowserApp>;
