using Almanac.Web.Tests.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Almanac.Web.Tests.Browser;

[Collection(nameof(BrowserGroup))]
public sealed class SearchAsYouTypeTests(BrowserApp app) : IAsyncLifetime
{
    public ValueTask InitializeAsync() => new(app.StartAsync());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Reader_TypesAPrefixChoosesWithTheKeyboardAndLandsOnTheStory()
    {
        await using var context = await app.Browser.NewTestContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/day/november-7");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search stories" });

        await box.PressSequentiallyAsync("obreg", new() { Delay = 40 });

        var option = page.GetByRole(AriaRole.Option).First;
        await Assertions.Expect(option).ToContainTextAsync("Mexico and the USSR");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("matching");
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        await box.PressAsync("ArrowDown");
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-activedescendant", await option.GetAttributeAsync("id") ?? "");
        await box.PressAsync("Enter");

        await page.WaitForURLAsync("**/on-this-day/1924-diplomatic-relations-established-between-mexico-and-the-ussr");
    }

    [Fact]
    public async Task Escape_ClosesTheSuggestionsAndEnterThenSearchesThePage()
    {
        await using var context = await app.Browser.NewTestContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search stories" });

        await box.PressSequentiallyAsync("caesar", new() { Delay = 40 });
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await box.PressAsync("Escape");
        await Assertions.Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q=caesar$"));
        await Assertions.Expect(page.Locator("mark").First).ToBeVisibleAsync();
    }
}
