using Microsoft.Playwright;

namespace Almanac.Web.Tests.Infrastructure;

/// <summary>Browser contexts for the tests, with timeouts for a loaded two-core CI machine.</summary>
public static class BrowserContexts
{
    /// <summary>How long a navigation may take before it fails (Playwright's default is 30 s).</summary>
    public const float NavigationTimeoutMs = 90_000;

    /// <summary>How long a click, fill or wait may take (Playwright's default is 30 s).</summary>
    public const float ActionTimeoutMs = 60_000;

    /// <summary>
    /// A new context whose pages wait longer than Playwright's defaults: while the test host runs
    /// other test classes beside the browser, a page that loads in a second on a quiet machine has
    /// been seen to need more than 30 s. What a test asserts is unchanged.
    /// </summary>
    public static async Task<IBrowserContext> NewTestContextAsync(this IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultNavigationTimeout(NavigationTimeoutMs);
        context.SetDefaultTimeout(ActionTimeoutMs);
        return context;
    }
}
