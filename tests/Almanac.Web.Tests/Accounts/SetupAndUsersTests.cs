using System.Net;
using Almanac.Core.Accounts;
using Almanac.Web.Features.Account;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Accounts;

public sealed class SetupAndUsersTests : IAsyncLifetime
{
    private readonly AlmanacApp app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private string SetupPath()
    {
        _ = app.Server; // start the site
        return app.Services.GetRequiredService<SetupLinkNotice>().Path ?? throw new InvalidOperationException("No setup link was issued.");
    }

    [Fact]
    public async Task TheSetupLink_CreatesTheFirstAdminOnce()
    {
        string path = SetupPath();
        var client = app.CreateBrowserClient();

        var response = await client.PostFormAsync(path, "form.setup", [new("UserName", "ada"), new("Email", "ada@almanac.test"), new("DisplayName", "Ada L."), new("Password", SignIn.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users", TestContext.Current.CancellationToken)).StatusCode);
        var (again, _) = await app.CreateBrowserClient().GetPageAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await using var scope = app.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<AlmanacUser>>();
        var ada = await users.FindByNameAsync("ada");
        Assert.NotNull(ada);
        Assert.True(await users.IsInRoleAsync(ada, Roles.Admin));
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == AuditLog.SetupCompleted, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheSetupLink_ShowsPasswordProblemsAndStaysUsable()
    {
        string path = SetupPath();
        var client = app.CreateBrowserClient();

        var weak = await client.PostFormAsync(path, "form.setup", [new("UserName", "ada"), new("Email", "ada@almanac.test"), new("Password", "tooshort")]);

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var ok = await client.PostFormAsync(path, "form.setup", [new("UserName", "ada"), new("Email", "ada@almanac.test"), new("Password", SignIn.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Fact]
    public async Task TheSetupLink_ExpiresAndRefusesWrongTokens()
    {
        string path = SetupPath();

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserClient().GetPageAsync("/setup?token=guessed")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserClient().GetPageAsync("/setup")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserClient().GetPageAsync(path)).Response.StatusCode);
        app.Time.Advance(SiteSetup.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserClient().GetPageAsync(path)).Response.StatusCode);
    }

    [Fact]
    public async Task TheSetupLink_StopsWorkingOnceAnyUserExists()
    {
        string path = SetupPath();
        await app.CreateUserAsync(Roles.Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserClient().GetPageAsync(path)).Response.StatusCode);
    }

    [Fact]
    public async Task AnInvitation_LetsTheNewEditorChooseAPasswordOnce()
    {
        var admin = await app.CreateSignedInClientAsync(Roles.Admin);

        var invited = await admin.PostFormAsync("/admin/users", "form.invite", [new("Invite.UserName", "grace"), new("Invite.Email", "grace@almanac.test"), new("Invite.Role", Roles.Editor)]);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await invited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        string link = page.QuerySelector(".password-link code")!.TextContent;
        Assert.StartsWith("https://almanac.test/account/set-password?user=", link, StringComparison.Ordinal);

        var grace = app.CreateBrowserClient();
        var mismatch = await grace.PostFormAsync(link, "form.set-password", [new("Password", "grace chooses a passphrase"), new("Confirm", "something else entirely")]);
        Assert.Contains("The two passwords differ.", await mismatch.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var set = await grace.PostFormAsync(link, "form.set-password", [new("Password", "grace chooses a passphrase"), new("Confirm", "grace chooses a passphrase")]);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserClient().GetPageAsync(link)).Response.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await grace.SignInAsync("grace", "grace chooses a passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grace.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await grace.GetAsync("/admin/users", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ARoleChange_TakesEffectAndIsAudited_ButTheLastAdminStays()
    {
        var (admin, me) = await app.CreateSignedInUserAsync(Roles.Admin);
        var (contributor, them) = await app.CreateSignedInUserAsync(Roles.Contributor);
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.GetAsync("/admin/users", TestContext.Current.CancellationToken)).StatusCode);

        await admin.PostFormAsync("/admin/users", $"tr[data-user='{them.UserName}'] form.role-form", [new("role", Roles.Admin)]);
        app.Time.Advance(TimeSpan.FromSeconds(1)); // sessions are checked against the stamp on their next request, a moment later

        // The promoted user signs in again (the role change renewed their stamp) and is admin.
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        await contributor.SignInAsync(them.UserName!, SignIn.Password);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync("/admin/users", TestContext.Current.CancellationToken)).StatusCode);

        // Two admins: one may step down; the last one may not.
        await admin.PostFormAsync("/admin/users", $"tr[data-user='{them.UserName}'] form.role-form", [new("role", Roles.Editor)]);
        var refused = await admin.PostFormAsync("/admin/users", $"tr[data-user='{me.UserName}'] form.role-form", [new("role", Roles.Editor)]);
        Assert.Contains("at least one admin", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await using var scope = app.OpenDb();
        var changes = await scope.Db.AuditEntries.Where(a => a.Action == AuditLog.RoleChanged).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(me.UserName, c.UserName));
        Assert.Equal($"user:{them.UserName}", changes[0].Subject);
    }

    [Fact]
    public async Task ALockedUser_IsSignedOutAndCannotSignIn()
    {
        var admin = await app.CreateSignedInClientAsync(Roles.Admin);
        var (editor, them) = await app.CreateSignedInUserAsync(Roles.Editor);

        await admin.PostFormAsync("/admin/users", $"tr[data-user='{them.UserName}'] form[action*='handler=Lock']", []);
        app.Time.Advance(TimeSpan.FromSeconds(1)); // sessions are checked against the stamp on their next request, a moment later

        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.SignInAsync(them.UserName!, SignIn.Password)).StatusCode);
    }

    [Fact]
    public async Task TheAuditLog_ShowsSignInsToAdmins()
    {
        var (admin, me) = await app.CreateSignedInUserAsync(Roles.Admin);

        var page = await admin.GetOkPageAsync("/admin/audit");

        Assert.Contains(page.QuerySelectorAll("table.audit tbody tr"), row => row.TextContent.Contains(AuditLog.SignIn, StringComparison.Ordinal) && row.TextContent.Contains(me.UserName!, StringComparison.Ordinal));
    }
}
