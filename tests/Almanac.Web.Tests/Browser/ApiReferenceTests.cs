using Almanac.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Almanac.Web.Tests.Browser;

[Collection(nameof(BrowserGroup))]
public sealed class ApiReferenceTests(BrowserApp app) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => new(app.StartAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ApiReference_RendersTheDocumentWithoutLeavingTheSite()
    {
        await using var context = await app.Browser.NewTestContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add($"left the site: {request.Url}");
            }
        };

        await page.GotoAsync(app.BaseUrl + "/api/docs", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Assertions.Expect(page.GetByText("The stories of a calendar day").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("One story in full").First).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
