using System.Globalization;
using System.Net;
using Almanac.Core.Accounts;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Publishing;

/// <summary>
/// The editors' day view at /admin/days, used through its real forms. This class owns 5–7 December;
/// every page is read as a reader after the day page was already cached, so a change that shows was evicted.
/// </summary>
public class DayCurationTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutAChoice_TheMostRecentEventLeads_AndTheEditorsChoiceReplacesIt()
    {
        int old = await AddStoryAsync("1801-old-event-of-december-5", "Old Event of December 5", 1801, 12, 5, StoryKind.Event);
        int recent = await AddStoryAsync("1901-recent-event-of-december-5", "Recent Event of December 5", 1901, 12, 5, StoryKind.Event);
        await AddStoryAsync("1950-birth-of-december-5", "Birth of December 5", 1950, 12, 5, StoryKind.Birth);
        var reader = app.CreateReaderClient();

        // The documented rule: the most recent event, even with a later birth on the day.
        Assert.Equal("1901: Recent Event of December 5", Featured(await reader.GetOkPageAsync("/day/december-5")));
        Assert.Equal("1901: Recent Event of December 5", MonthCell(await reader.GetOkPageAsync("/month/december"), 5));

        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        var saved = await editor.PostFormAsync("/admin/days?day=12-05", "form.day-choose", [new("storyId", Id(old))]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("1801: Old Event of December 5", Featured(await reader.GetOkPageAsync("/day/december-5")));
        Assert.Equal("1801: Old Event of December 5", MonthCell(await reader.GetOkPageAsync("/month/december"), 5));
        var view = await editor.GetOkPageAsync("/admin/days?day=12-05");
        Assert.True(view.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#choose-{old}")!.IsChecked);
        await using (var scope = app.OpenDb())
        {
            var audit = await scope.Db.AuditEntries.AsNoTracking().Where(a => a.Action == "day.curate" && a.Subject == "day:12-05").ToListAsync(Ct);
            Assert.Contains(audit, a => a.Details.Contains($"story:{old}", StringComparison.Ordinal));
        }

        // Back to the rule.
        await editor.PostFormAsync("/admin/days?day=12-05", "form.day-choose", [new("storyId", "")]);
        Assert.Equal("1901: Recent Event of December 5", Featured(await reader.GetOkPageAsync("/day/december-5")));
        Assert.Contains("Old Event of December 5", (await reader.GetOkPageAsync("/day/december-5")).QuerySelector("#group-event + ol.timeline").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain($"story:{recent}", string.Join(' ', (await AuditAsync("day:12-05")).Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingAStoryUp_ChangesTheOrderOnTheDayPage()
    {
        await AddStoryAsync("1990-lead-event-of-december-6", "Lead Event of December 6", 1990, 12, 6, StoryKind.Event);
        await AddStoryAsync("1810-first-birth-of-december-6", "First Birth of December 6", 1810, 12, 6, StoryKind.Birth);
        await AddStoryAsync("1820-second-birth-of-december-6", "Second Birth of December 6", 1820, 12, 6, StoryKind.Birth);
        int third = await AddStoryAsync("1830-third-birth-of-december-6", "Third Birth of December 6", 1830, 12, 6, StoryKind.Birth);
        var reader = app.CreateReaderClient();
        Assert.Equal(["1810", "1820", "1830"], BirthYears(await reader.GetOkPageAsync("/day/december-6")));

        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        await editor.PostFormAsync("/admin/days?day=12-06", $"#story-{third} form.day-move", [new("direction", "up")]);
        await editor.PostFormAsync("/admin/days?day=12-06", $"#story-{third} form.day-move", [new("direction", "up")]);

        Assert.Equal(["1830", "1810", "1820"], BirthYears(await reader.GetOkPageAsync("/day/december-6")));
        var view = await editor.GetOkPageAsync("/admin/days?day=12-06");
        Assert.Equal(["1830: Third Birth of December 6", "1810: First Birth of December 6", "1820: Second Birth of December 6"],
            view.QuerySelectorAll("#order-birth + ol.day-order > li > a").Select(a => a.Text()));
    }

    [Fact]
    public async Task TheDayView_IsForEditors_AndOpensOnToday()
    {
        var contributor = await app.CreateSignedInClientAsync(Roles.Contributor);
        var denied = await contributor.GetAsync("/admin/days", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.OriginalString.Replace("https://almanac.test", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync(denied.Headers.Location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserClient().GetAsync("/admin/days", Ct)).StatusCode);

        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        var today = await editor.GetOkPageAsync("/admin/days");
        Assert.Equal("08-04", today.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#day-field")!.Value);
        Assert.NotNull(today.QuerySelector("nav.admin-nav a[href='/admin/days']"));
        Assert.Contains("Diplomatic Relations Established between Mexico and the USSR", today.QuerySelector("form.day-choose").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContributorsPost_IsRefused_AndSoIsAPostWithoutToken()
    {
        int id = await AddStoryAsync("1777-event-of-december-7", "Event of December 7", 1777, 12, 7, StoryKind.Event);
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        var forged = await editor.PostWithoutTokenAsync("/admin/days?day=12-07&handler=Choose", [new("day", "12-07"), new("storyId", Id(id))]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var contributor = await app.CreateSignedInClientAsync(Roles.Contributor);
        var token = (await editor.GetOkPageAsync("/admin/days?day=12-07")).AntiforgeryToken();
        var refused = await contributor.PostWithoutTokenAsync("/admin/days?day=12-07&handler=Choose", [new("day", "12-07"), new("storyId", Id(id)), new("__RequestVerificationToken", token)]);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, refused.StatusCode.ToString());

        await using var scope = app.OpenDb();
        Assert.False(await scope.Db.StoryFeatures.AnyAsync(f => f.Month == 12 && f.Day == 7, Ct));
        Assert.False(await scope.Db.AuditEntries.AnyAsync(a => a.Subject == "day:12-07", Ct));
    }

    private async Task<List<string>> AuditAsync(string subject)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.AuditEntries.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync(Ct);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Featured(IDocument day) => day.QuerySelector("article.featured h2").Text();

    private static string MonthCell(IDocument month, int day) =>
        month.QuerySelectorAll("ol.month-grid > li")[day - 1].QuerySelector(".month-day-story a").Text();

    private static string[] BirthYears(IDocument day) =>
        [.. day.QuerySelectorAll("#group-birth + ol.timeline .timeline-year").Select(e => e.Text())];

    private async Task<int> AddStoryAsync(string slug, string title, int year, int month, int day, StoryKind kind)
    {
        await using var scope = app.OpenDb();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var story = new Story
        {
            Slug = slug,
            Title = title,
            Kind = kind,
            Date = HistoricalDate.OnDay(year, month, day),
            Summary = $"{title}, a story the curation tests own.",
            Status = StoryStatus.Published,
            PublishedAtUtc = now,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        story.SetBody("A body for the curation tests.");
        scope.Db.Stories.Add(story);
        await scope.Db.SaveChangesAsync(Ct);
        return story.Id;
    }
}
