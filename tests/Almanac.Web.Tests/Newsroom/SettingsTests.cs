using System.Net;
using Almanac.Core.Accounts;
using Almanac.Core.Calendar;
using Almanac.Core.Comments;
using Almanac.Web.Tests.Comments;
using Almanac.Web.Tests.Hosting;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Tests.Newsroom;

/// <summary>The settings page at /admin/settings: stored in the database, applied on the next request, on every node.</summary>
public sealed class SettingsTests : IAsyncLifetime
{
    private const string Page = "/admin/settings";
    private const string Form = "form.settings-form";

    private readonly CommentsApp app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task ANewSiteName_ShowsOnTheCachedHomePageAtTheNextRequest_AndIsAudited()
    {
        var reader = app.CreateReaderClient();
        Assert.Equal("Almanac", SiteName(await reader.GetOkPageAsync("/"))); // the home page is now in the cache
        var admin = await app.CreateSignedInClientAsync(Roles.Admin);

        var saved = await admin.PostFormAsync(Page, Form, [new("Form.Name", "The Daily Past"), new("Form.Tagline", "Yesterday, every day")]);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var home = await reader.GetOkPageAsync("/");
        Assert.Equal("The Daily Past", SiteName(home));
        Assert.Contains("Yesterday, every day", home.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.OpenDb();
        var entry = await scope.Db.AuditEntries.SingleAsync(a => a.Action == "settings.change", Ct);
        Assert.Contains("Site:Name: \"Almanac\" → \"The Daily Past\"", entry.Details, StringComparison.Ordinal);
        Assert.Contains("Site:Tagline", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Site:TimeZone", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondNodeOnTheSameDatabase_PicksTheChangeUpAtItsNextPoll()
    {
        _ = app.Services;
        await using var nodeB = new SecondNode(app.Database);
        var monitor = nodeB.Services.GetRequiredService<IOptionsMonitor<SiteOptions>>();
        Assert.Equal("Almanac", monitor.CurrentValue.Name);
        var changed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = monitor.OnChange(o => changed.TrySetResult(o.Name));

        var admin = await app.CreateSignedInClientAsync(Roles.Admin);
        await admin.PostFormAsync(Page, Form, [new("Form.Name", "Almanac North")]);
        Assert.Equal("Almanac", monitor.CurrentValue.Name); // node B has not looked yet

        nodeB.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("Almanac North", await changed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        var signIn = await nodeB.CreateReaderClient().GetOkPageAsync("/account/sign-in");
        Assert.EndsWith("| Almanac North", signIn.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTimeZoneCultureAndABrokenFormat_AreRefusedNextToTheirFields_AndNothingIsSaved()
    {
        var admin = await app.CreateSignedInClientAsync(Roles.Admin);

        var response = await admin.PostFormAsync(Page, Form,
        [
            new("Form.Name", "Not Saved Either"),
            new("Form.TimeZone", "Mars/Olympus_Mons"),
            new("Form.Culture", "xx-Nowhere"),
            new("Form.DayHeaderFormat", "dd 'MM"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Mars/Olympus_Mons", FieldError(page, "TimeZone"), StringComparison.Ordinal);
        Assert.Contains("xx-Nowhere", FieldError(page, "Culture"), StringComparison.Ordinal);
        Assert.Contains("dd 'MM", FieldError(page, "DayHeaderFormat"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#Form_Name-error"));
        Assert.Equal("true", page.QuerySelector("#Form_TimeZone")!.GetAttribute("aria-invalid"));
        Assert.Equal("Mars/Olympus_Mons", page.QuerySelector("#Form_TimeZone")!.GetAttribute("value")); // shown back to correct
        await using var scope = app.OpenDb();
        Assert.False(await scope.Db.SiteSettings.AnyAsync(Ct));
        Assert.False(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "settings.change", Ct));
        Assert.Equal("Almanac", SiteName(await app.CreateReaderClient().GetOkPageAsync("/")));
    }

    [Theory]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Editor)]
    public async Task ContributorsAndEditors_AreDeniedThePageAndItsForm(string role)
    {
        var client = await app.CreateSignedInClientAsync(role);

        var page = await client.GetAsync(Page, Ct);
        var token = (await client.GetOkPageAsync("/admin")).AntiforgeryToken();
        var post = await client.PostWithoutTokenAsync(Page, [new("__RequestVerificationToken", token), new("Form.Name", "Taken Over")]);

        foreach (var response in new[] { page, post })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", new Uri(new Uri("https://almanac.test"), response.Headers.Location!).PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/account/denied", Ct)).StatusCode);
        await using var scope = app.OpenDb();
        Assert.False(await scope.Db.SiteSettings.AnyAsync(Ct));
    }

    [Fact]
    public async Task AnonymousVisitors_AreSentToSignIn()
    {
        var response = await app.CreateBrowserClient().GetAsync(Page, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("https://almanac.test"), response.Headers.Location!);
        Assert.Equal("/account/sign-in", location.AbsolutePath);
        Assert.Equal("?returnUrl=" + Uri.EscapeDataString(Page), location.Query);
    }

    [Fact]
    public async Task AFormWithoutTheAntiforgeryToken_IsRefused()
    {
        var admin = await app.CreateSignedInClientAsync(Roles.Admin);

        var response = await admin.PostWithoutTokenAsync(Page, [new("Form.Name", "Forged"), new("Form.TimeZone", "UTC"), new("Form.Culture", "en-GB")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = app.OpenDb();
        Assert.False(await scope.Db.SiteSettings.AnyAsync(Ct));
    }

    [Fact]
    public async Task CommentsOff_HidesTheFormAndRefusesAComment_ButKeepsThePublishedOnes()
    {
        await app.SendCommentAsync(app.CreateBrowserlikeClient(), [new("Name", "Ilse"), new("Email", "ilse@example.org"), new("Body", "I was at that match.")]);
        await using (var scope = app.OpenDb())
        {
            await scope.Db.Comments.ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CommentStatus.Approved), Ct);
        }

        var late = app.CreateBrowserlikeClient();
        var (form, path) = await CommentsApp.OpenFormAsync(late); // a reader with the form open when comments go off
        var admin = await app.CreateSignedInClientAsync(Roles.Admin);

        await admin.PostFormAsync(Page, Form, [new("Form.CommentsEnabled", "false")]);

        var story = await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story);
        Assert.Null(story.QuerySelector("form.comment-form"));
        Assert.Contains("turned off", story.QuerySelector(".comments-off")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("I was at that match.", story.QuerySelector(".comment-list")!.TextContent, StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromSeconds(5));
        var refused = await late.SubmitAsync(form, path, [new("Name", "Late"), new("Email", "late@example.org"), new("Body", "Too late?")]);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Comments are turned off", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(await app.CommentsAsync());
    }

    [Fact]
    public async Task ANewTimeZone_MovesToday()
    {
        // The app's clock says 09:00 UTC on 4 August: 22:00 on 3 August in Pago Pago (UTC−11).
        var reader = app.CreateReaderClient();
        Assert.Equal("Today, 4 August", (await reader.GetOkPageAsync("/")).QuerySelector("h1")!.TextContent);
        var admin = await app.CreateSignedInClientAsync(Roles.Admin);

        await admin.PostFormAsync(Page, Form, [new("Form.TimeZone", "Pacific/Pago_Pago")]);

        var home = await reader.GetOkPageAsync("/");
        Assert.Equal("Today, 3 August", home.QuerySelector("h1")!.TextContent);
        Assert.Equal("2024-08-03", home.QuerySelector("[data-today]")?.GetAttribute("data-today"));
    }

    [Fact]
    public async Task NewCultureAndFormats_ChangeTheDatesReadersSee_AndResetBringsTheDefaultBack()
    {
        var admin = await app.CreateSignedInClientAsync(Roles.Admin);

        await admin.PostFormAsync(Page, Form, [new("Form.Culture", "de-DE"), new("Form.TodayFormat", "dddd, d. MMMM yyyy"), new("Form.DayHeaderFormat", "dd-MM")]);

        var reader = app.CreateReaderClient();
        Assert.Equal("Sonntag, 4. August 2024", (await reader.GetOkPageAsync("/")).QuerySelector(".today-note time")!.TextContent);
        Assert.Equal("04-08", (await reader.GetOkPageAsync("/on-this-day/" + Samples.MexicoUssr)).QuerySelector(".story-day a")!.TextContent);

        var settings = await admin.GetOkPageAsync(Page);
        Assert.NotNull(settings.QuerySelector("button.reset[value='Site:Culture']"));
        Assert.Null(settings.QuerySelector("button.reset[value='Site:Name']"));
        var reset = await admin.PostWithoutTokenAsync(Page + "?handler=Reset", [new("__RequestVerificationToken", settings.AntiforgeryToken()), new("key", "Site:TodayFormat")]);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        Assert.Equal("Sonntag 4 August 2024", (await reader.GetOkPageAsync("/")).QuerySelector(".today-note time")!.TextContent);
        await using var scope = app.OpenDb();
        Assert.Equal(["Site:Culture", "Site:DayHeaderFormat"], await scope.Db.SiteSettings.OrderBy(s => s.Key).Select(s => s.Key).ToListAsync(Ct));
    }

    private static string SiteName(IDocument page) =>
        page.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content") ?? "";

    /// <summary>The error shown inside the same field as the input it is about.</summary>
    private static string FieldError(IDocument page, string property)
    {
        var input = page.QuerySelector($"#Form_{property}");
        Assert.NotNull(input);
        var error = input.ParentElement!.QuerySelector($"#Form_{property}-error");
        Assert.NotNull(error);
        Assert.Contains($"Form_{property}-error", input.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        return error.TextContent;
    }
}
