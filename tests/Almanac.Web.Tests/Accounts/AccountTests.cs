using System.Net;
using Almanac.Core.Accounts;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Accounts;

public sealed class AccountTests : IAsyncLifetime
{
    private readonly AlmanacApp app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    [InlineData("/account/security")]
    public async Task NewsroomPages_SendAnonymousReadersToSignInWithALocalReturnUrl(string path)
    {
        var response = await app.CreateBrowserClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("https://almanac.test"), response.Headers.Location!);
        Assert.Equal("/account/sign-in", location.AbsolutePath);
        Assert.Equal("?returnUrl=" + Uri.EscapeDataString(path), location.Query);
    }

    [Theory]
    [InlineData(Roles.Contributor, "/admin", HttpStatusCode.OK)]
    [InlineData(Roles.Contributor, "/account/security", HttpStatusCode.OK)]
    [InlineData(Roles.Contributor, "/admin/users", HttpStatusCode.Redirect)]
    [InlineData(Roles.Contributor, "/admin/audit", HttpStatusCode.Redirect)]
    [InlineData(Roles.Editor, "/admin", HttpStatusCode.OK)]
    [InlineData(Roles.Editor, "/admin/users", HttpStatusCode.Redirect)]
    [InlineData(Roles.Editor, "/admin/audit", HttpStatusCode.Redirect)]
    [InlineData(Roles.Admin, "/admin", HttpStatusCode.OK)]
    [InlineData(Roles.Admin, "/admin/users", HttpStatusCode.OK)]
    [InlineData(Roles.Admin, "/admin/audit", HttpStatusCode.OK)]
    public async Task EachRole_ReachesOnlyItsPages(string role, string path, HttpStatusCode expected)
    {
        var client = await app.CreateSignedInClientAsync(role);

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/denied", new Uri(new Uri("https://almanac.test"), response.Headers.Location!).PathAndQuery, StringComparison.Ordinal);
            var denied = await client.GetAsync("/account/denied", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        else
        {
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AUserWithoutARole_IsDeniedTheNewsroom()
    {
        var user = await app.CreateUserAsync(Roles.Editor);
        await using (var scope = app.OpenDb())
        {
            await scope.Db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var client = app.CreateBrowserClient();
        await client.SignInAsync(user.UserName!, SignIn.Password);
        var response = await client.GetAsync("/admin", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.OriginalString.Replace("https://almanac.test", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http:/evil.example")]
    public async Task SignIn_NeverRedirectsOffTheSite(string returnUrl)
    {
        var user = await app.CreateUserAsync(Roles.Editor);

        var response = await app.CreateBrowserClient().SignInAsync(user.UserName!, SignIn.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_ReturnsToTheLocalPageAskedFor()
    {
        var user = await app.CreateUserAsync(Roles.Admin);

        var response = await app.CreateBrowserClient().SignInAsync(user.UserName!, SignIn.Password, "/admin/audit?page=1");

        Assert.Equal("/admin/audit?page=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_AcceptsTheEmailAddressAndRecordsTheSignIn()
    {
        var user = await app.CreateUserAsync(Roles.Editor);

        var response = await app.CreateBrowserClient().SignInAsync(user.Email!, SignIn.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.OpenDb();
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditLog.SignIn && a.UserId == user.Id, TestContext.Current.CancellationToken));
        Assert.NotNull((await scope.Db.Users.SingleAsync(u => u.Id == user.Id, TestContext.Current.CancellationToken)).LastSignInAtUtc);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoWithoutSayingWhichPartWasWrong()
    {
        var user = await app.CreateUserAsync(Roles.Editor);
        var client = app.CreateBrowserClient();

        var wrongPassword = await client.SignInAsync(user.UserName!, "not the password at all");
        var unknownUser = await client.SignInAsync("nobody-here", "not the password at all");

        foreach (var response in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("The user name or password is not right.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccountEvenForTheRightPassword()
    {
        var user = await app.CreateUserAsync(Roles.Editor);
        var client = app.CreateBrowserClient();
        for (int i = 0; i < AccountRules.MaxFailedSignIns; i++)
        {
            await client.SignInAsync(user.UserName!, $"wrong guess number {i}");
        }

        var response = await client.SignInAsync(user.UserName!, SignIn.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        await using var scope = app.OpenDb();
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditLog.LockedOut && a.UserId == user.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        var user = await app.CreateUserAsync(Roles.Editor);
        var client = app.CreateBrowserClient();

        var response = await client.PostWithoutTokenAsync("/account/sign-in", [new("Login", user.UserName!), new("Password", SignIn.Password)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task SignOut_IsAPostWithTheToken_AndEndsTheSession()
    {
        var client = await app.CreateSignedInClientAsync(Roles.Editor);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostWithoutTokenAsync("/account/sign-out", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);

        var response = await client.PostFormAsync("/admin", "form.admin-sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheUsersOtherSessions()
    {
        var (first, user) = await app.CreateSignedInUserAsync(Roles.Editor);
        var second = app.CreateBrowserClient();
        await second.SignInAsync(user.UserName!, SignIn.Password);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);

        var response = await first.PostFormAsync("/account/security", "form.sign-out-everywhere", []);
        app.Time.Advance(TimeSpan.FromSeconds(1)); // sessions are checked against the stamp on their next request, a moment later

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_TurnedOnWithAnAuthenticatorCode_IsAskedForAtTheNextSignIn()
    {
        var (client, user) = await app.CreateSignedInUserAsync(Roles.Editor);
        var security = await client.GetOkPageAsync("/account/security");
        string key = security.QuerySelector("code.shared-key")!.TextContent;
        Assert.NotNull(security.QuerySelector(".qr svg"));

        var wrong = await client.PostFormAsync("/account/security", "form.enable-two-factor", [new("Code", "000000")]);
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var enabled = await client.PostFormAsync("/account/security", "form.enable-two-factor", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        string page = await enabled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Two-factor sign-in is on", page, StringComparison.Ordinal);
        var recoveryCodes = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recoveryCodes.Count);

        // A new sign-in stops at the code page until the current code is given.
        var next = app.CreateBrowserClient();
        var passwordStep = await next.SignInAsync(user.UserName!, SignIn.Password);
        Assert.StartsWith("/account/two-factor", passwordStep.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        var codeStep = await next.PostFormAsync(passwordStep.Headers.Location.OriginalString, "form.two-factor", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        Assert.Equal("/admin", codeStep.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);

        // A recovery code works once instead of the app's code.
        var lost = app.CreateBrowserClient();
        var step = await lost.SignInAsync(user.UserName!, SignIn.Password);
        var recovered = await lost.PostFormAsync(step.Headers.Location!.OriginalString, "form.two-factor", [new("Code", recoveryCodes[0])]);
        Assert.Equal("/admin", recovered.Headers.Location?.OriginalString);
        var again = app.CreateBrowserClient();
        step = await again.SignInAsync(user.UserName!, SignIn.Password);
        var reused = await again.PostFormAsync(step.Headers.Location!.OriginalString, "form.two-factor", [new("Code", recoveryCodes[0])]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("That code is not right", await reused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingThePassword_NeedsTheCurrentOneAndFollowsTheRules()
    {
        var (client, user) = await app.CreateSignedInUserAsync(Roles.Contributor);

        var wrongCurrent = await client.PostFormAsync("/account/security", "form.change-password", [new("CurrentPassword", "not it at all, sorry"), new("NewPassword", "another long passphrase here")]);
        Assert.Contains("Incorrect password", await wrongCurrent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var weak = await client.PostFormAsync("/account/security", "form.change-password", [new("CurrentPassword", SignIn.Password), new("NewPassword", "short")]);
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var changed = await client.PostFormAsync("/account/security", "form.change-password", [new("CurrentPassword", SignIn.Password), new("NewPassword", "another long passphrase here")]);
        Assert.Contains("Your password is changed", await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserClient().SignInAsync(user.UserName!, SignIn.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserClient().SignInAsync(user.UserName!, "another long passphrase here")).StatusCode);
    }
}
