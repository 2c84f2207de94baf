using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Almanac.Web.Tests.Browser;

/// <summary>
/// The site on a real Kestrel port with Debian's Chromium driven by Playwright. The browser is
/// never downloaded: <c>test.sh</c> installs the <c>chromium</c> package.
/// </summary>
public sealed class BrowserApp : AlmanacApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    /// <summary>
    /// How long a Playwright expectation keeps retrying. The suite shares two cores with a second
    /// test process and Chromium; Playwright's five-second default timed out there while the same
    /// page rendered in under a second on an idle machine.
    /// </summary>
    public const float ExpectTimeoutMs = 30_000;

    static BrowserApp()
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
    }

    public BrowserApp()
    {
        UseKestrel(0);
    }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async Task StartAsync()
    {
        if (Browser is not null)
        {
            return;
        }

        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
