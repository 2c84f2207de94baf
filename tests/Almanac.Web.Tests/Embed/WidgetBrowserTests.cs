using System.Globalization;
using Almanac.Web.Tests.Browser;
using Almanac.Web.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Almanac.Web.Tests.Embed;

/// <summary>
/// The widget and the iframe on somebody else's page: a second, tiny web server on another port (so
/// another origin) serves a host page that includes both, and Chromium renders it.
/// </summary>
[Collection(nameof(BrowserGroup))]
public sealed class WidgetBrowserTests(BrowserApp app) : IAsyncLifetime
{
    private WebApplication? hostSite;

    private string hostUrl = "";

    public async ValueTask InitializeAsync()
    {
        await app.StartAsync();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        hostSite = builder.Build();
        hostSite.MapGet("/", () => Results.Content(HostPage($"""
            <iframe id="almanac-frame" src="{app.BaseUrl}/embed/day" title="On this day" width="300" height="420"></iframe>
            <script>document.documentElement.dataset.globals = JSON.stringify(Object.keys(window));</script>
            <script src="{app.BaseUrl}/widget.js" async></script>
            <p id="after">The host's own text after the widget.</p>
            """), "text/html; charset=utf-8"));
        hostSite.MapGet("/placeholder", () => Results.Content(HostPage($"""
            <div id="slot" data-almanac-widget></div>
            <p>The host's own text.</p>
            <script src="{app.BaseUrl}/widget.js" data-day="03-15" async></script>
            """), "text/html; charset=utf-8"));
        await hostSite.StartAsync();
        hostUrl = hostSite.Urls.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (hostSite is not null)
        {
            await hostSite.DisposeAsync();
        }
    }

    private static string HostPage(string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Somebody else's site</title><link rel="icon" href="data:,"></head>
        <body>
        <h1>Somebody else's site</h1>
        {body}
        </body>
        </html>
        """;

    [Fact]
    public async Task HostPageOnAnotherOrigin_ShowsTodayInTheWidgetAndTheIframe()
    {
        Assert.NotEqual(new Uri(app.BaseUrl).Port, new Uri(hostUrl).Port);
        await using var context = await app.Browser.NewTestContextAsync();
        var page = await context.NewPageAsync();
        var problems = WatchForProblems(page);

        await page.GotoAsync(hostUrl + "/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        // The widget: in an open shadow root on a new element right after its script tag.
        var widget = page.Locator("script[src$='/widget.js'] + [data-almanac-ready]");
        var items = widget.Locator("li");
        await Assertions.Expect(items).ToHaveCountAsync(4);
        Assert.True(await widget.EvaluateAsync<bool>("host => host.shadowRoot !== null && host.childElementCount === 0"));
        Assert.Equal("after", await widget.EvaluateAsync<string>("host => host.nextElementSibling.id"));
        await Assertions.Expect(widget.Locator("h2")).ToHaveTextAsync("On this day: 4 August");
        await Assertions.Expect(items.First).ToHaveClassAsync("featured");
        await Assertions.Expect(items.First).ToHaveTextAsync("1924: Diplomatic Relations Established between Mexico and the USSR");
        Assert.Equal(["1924", "1792", "1875", "1914"], await items.Locator(".year").AllTextContentsAsync());
        await Assertions.Expect(items.First.Locator("a")).ToHaveAttributeAsync("href", "https://almanac.test/on-this-day/" + Samples.MexicoUssr);
        var links = await widget.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => `${a.target} ${a.rel} ${a.href}`)");
        Assert.All(links, l => Assert.StartsWith("_blank noopener https://almanac.test/", l, StringComparison.Ordinal));
        await Assertions.Expect(widget.Locator("p.more a")).ToHaveTextAsync("More on Almanac");

        // The widget's styles stay inside its shadow root.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('style').length"));
        Assert.Equal(1, await widget.EvaluateAsync<int>("host => host.shadowRoot.querySelectorAll('style').length"));

        // No globals: the window's own keys are those the page had before the script ran.
        var added = await page.EvaluateAsync<string[]>("() => { const before = JSON.parse(document.documentElement.dataset.globals); return Object.keys(window).filter(k => !before.includes(k)); }");
        Assert.Empty(added);

        // The iframe: another origin framed it, and it shows the same day.
        var frame = page.Frames.Single(f => f.Url == app.BaseUrl + "/embed/day");
        await Assertions.Expect(frame.Locator("h1")).ToHaveTextAsync("4 August");
        await Assertions.Expect(frame.Locator("ol.stories > li")).ToHaveCountAsync(4);
        await Assertions.Expect(frame.Locator("li.featured a")).ToHaveAttributeAsync("href", "https://almanac.test/on-this-day/" + Samples.MexicoUssr);
        Assert.Equal(300, await frame.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(await frame.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the iframe scrolls sideways at 300px");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task HostPageWithAPlaceholder_GetsTheChosenDayThere()
    {
        await using var context = await app.Browser.NewTestContextAsync();
        var page = await context.NewPageAsync();
        var problems = WatchForProblems(page);

        await page.GotoAsync(hostUrl + "/placeholder", new() { WaitUntil = WaitUntilState.NetworkIdle });

        var first = page.Locator("#slot li").First;
        await Assertions.Expect(first).ToHaveTextAsync("44 BC: Julius Caesar Is Assassinated in the Senate");
        await Assertions.Expect(page.Locator("#slot h2")).ToHaveTextAsync("On this day: 15 March");
        Assert.Equal(0, await page.Locator("script[src$='/widget.js'] + *").CountAsync());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("/embed/day", "light")]
    [InlineData("/embed/day", "dark")]
    [InlineData("/embed/day/03-15", "light")]
    [InlineData("/embed/story/" + Samples.MexicoUssr, "light")]
    [InlineData("/embed/story/" + Samples.MexicoUssr, "dark")]
    public async Task EmbedPages_HaveNoAccessibilityViolations(string path, string scheme)
    {
        await using var context = await app.Browser.NewTestContextAsync(new()
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = 300, Height = 480 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + path);

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });

        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 300px");
    }

    [Theory]
    [InlineData(Samples.MexicoUssr)]
    [InlineData("44-bc-julius-caesar-is-assassinated-in-the-senate")]
    public async Task EmbedStory_FitsTheSizeOEmbedAnnounces(string slug)
    {
        await using var context = await app.Browser.NewTestContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = Web.Features.Embed.OEmbedEndpoint.DefaultWidth, Height = Web.Features.Embed.OEmbedEndpoint.DefaultHeight },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/embed/story/" + slug);
        await Assertions.Expect(page.Locator("article.card img")).ToHaveJSPropertyAsync("complete", true);

        var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        Assert.True(size[0] <= Web.Features.Embed.OEmbedEndpoint.DefaultWidth && size[1] <= Web.Features.Embed.OEmbedEndpoint.DefaultHeight, $"the card needs {size[0]}×{size[1]}");
    }

    private static List<string> WatchForProblems(IPage page)
    {
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
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{response.Status}: {response.Url}"));
            }
        };
        return problems;
    }
}
