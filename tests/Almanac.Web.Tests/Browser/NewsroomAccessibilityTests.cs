using Almanac.Core.Accounts;
using Almanac.Core.Comments;
using Almanac.Core.Tests.Media;
using Almanac.Web.Tests.Infrastructure;
using Almanac.Web.Tests.Media;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Almanac.Web.Tests.Browser;

/// <summary>
/// axe-core over the newsroom: every admin and account page, signed in as an admin, in the light and
/// the dark colour scheme, with something in each list (an image, waiting and spam comments).
/// </summary>
[Collection(nameof(BrowserGroup))]
public sealed class NewsroomAccessibilityTests(BrowserApp app) : IAsyncLifetime
{
    /// <summary>The newsroom pages an admin opens. A new admin page belongs here.</summary>
    public static readonly TheoryData<string> AdminPages =
    [
        "/admin",
        "/admin/users",
        "/admin/audit",
        "/admin/media",
        "/admin/media/upload",
        "/admin/comments",
        "/admin/comments?tab=spam",
        "/admin/settings",
        "/admin/stories",
        "/admin/stories/new",
        "/admin/stories/1",
        "/admin/stories/1/revisions",
        "/admin/days",
        "/admin/days?day=08-04",
        "/account/security",
    ];

    /// <summary>The account pages of someone not signed in.</summary>
    public static readonly TheoryData<string> SignedOutPages =
    [
        "/account/sign-in",
        "/account/sign-in?returnUrl=%2Fadmin%2Fsettings",
    ];

    private static readonly SemaphoreSlim Arranging = new(1, 1);
    private static bool arranged;

    public async ValueTask InitializeAsync()
    {
        await app.StartAsync();
        await ArrangeOnceAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPages_HaveNoAccessibilityViolations(string path)
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, await app.CreateUserAsync(Roles.Admin));

        await page.GotoAsync(app.BaseUrl + path);

        Assert.StartsWith(app.BaseUrl + path.Split('?')[0], page.Url, StringComparison.Ordinal);
        await AssertNoViolationsInBothSchemesAsync(page);
    }

    [Theory]
    [MemberData(nameof(SignedOutPages))]
    public async Task SignedOutAccountPages_HaveNoAccessibilityViolations(string path)
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.BaseUrl + path);

        await AssertNoViolationsInBothSchemesAsync(page);
    }

    [Fact]
    public async Task PagesShowingErrors_HaveNoAccessibilityViolations()
    {
        await using var context = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" });
        var page = await context.NewPageAsync();

        // A failed sign-in, then the settings page with a field refused.
        await page.GotoAsync(app.BaseUrl + "/account/sign-in");
        await page.FillAsync("#Login", "nobody");
        await page.FillAsync("#Password", "not the password");
        await page.Locator("form.sign-in button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToBeVisibleAsync();
        await AssertNoViolationsInBothSchemesAsync(page);

        await SignInAsync(page, await app.CreateUserAsync(Roles.Admin));
        await page.GotoAsync(app.BaseUrl + "/admin/settings");
        await page.FillAsync("#Form_TimeZone", "Mars/Olympus_Mons");
        await page.Locator("form.settings-form button:text('Save settings')").ClickAsync();
        await Assertions.Expect(page.Locator("#Form_TimeZone-error")).ToBeVisibleAsync();
        await AssertNoViolationsInBothSchemesAsync(page);
    }

    [Fact]
    public async Task TheTwoFactorAndSetPasswordPages_HaveNoAccessibilityViolations()
    {
        var user = await app.CreateUserAsync(Roles.Editor);
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AlmanacUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
            token = await users.GeneratePasswordResetTokenAsync(stored);
        }

        await using var context = await app.Browser.NewTestContextAsync(new() { TimezoneId = "UTC" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/sign-in");
        await page.FillAsync("#Login", user.UserName!);
        await page.FillAsync("#Password", SignIn.Password);
        await page.Locator("form.sign-in button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/two-factor**");
        await AssertNoViolationsInBothSchemesAsync(page);

        await page.GotoAsync($"{app.BaseUrl}/account/set-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        await Assertions.Expect(page.Locator("input[type=password]").First).ToBeVisibleAsync();
        await AssertNoViolationsInBothSchemesAsync(page);
    }

    private async Task SignInAsync(IPage page, AlmanacUser user)
    {
        await page.GotoAsync(app.BaseUrl + "/account/sign-in");
        await page.FillAsync("#Login", user.UserName!);
        await page.FillAsync("#Password", SignIn.Password);
        await page.Locator("form.sign-in button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/admin");
    }

    private static async Task AssertNoViolationsInBothSchemesAsync(IPage page)
    {
        var problems = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
            Assert.NotEmpty(result.Passes);
            problems.AddRange(result.Violations.Select(v =>
                $"{scheme} {page.Url} {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // The lists show rows, not only their empty states: one image, one waiting and one spam comment.
    // Waiting and spam comments never reach a reader's page, so the other browser tests see no change.
    private async Task ArrangeOnceAsync()
    {
        await Arranging.WaitAsync();
        try
        {
            if (arranged)
            {
                return;
            }

            await app.UploadAsync(TestImages.Png(640, 320), "harbour.png", "Fishing boats in a harbour at dawn", "Test Agency");
            await using var scope = app.OpenDb();
            var storyId = await scope.Db.Stories.Where(s => s.Slug == Samples.MexicoUssr).Select(s => s.Id).SingleAsync();
            foreach (var (status, body) in new[] { (CommentStatus.Pending, "A question about the embassy"), (CommentStatus.Spam, "Cheap watches here") })
            {
                scope.Db.Comments.Add(new Comment
                {
                    StoryId = storyId,
                    AuthorName = "Test reader",
                    Email = "reader@example.org",
                    Body = body,
                    Status = status,
                    CreatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
                    DeleteKey = Guid.NewGuid().ToString("N"),
                });
            }

            await scope.Db.SaveChangesAsync();
            arranged = true;
        }
        finally
        {
            Arranging.Release();
        }
    }
}
