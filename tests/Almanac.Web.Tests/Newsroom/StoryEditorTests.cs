using System.Net;
using Almanac.Core.Accounts;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Newsroom;

/// <summary>The story editor's form: dates, preview, slugs and redirects, scheduling, deletion, search.</summary>
public sealed class StoryEditorTests(NewsroomApp app) : IClassFixture<NewsroomApp>
{
    [Fact]
    public async Task ABadDate_IsRefusedNextToTheDateField_AndNothingIsSaved()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        var response = await editor.PostStoryAsync(StoryForms.Fields("A story on a day that never was", ("Input.Date", "30 February 1924")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("February 1924 has 29 days, so \"30 February 1924\" does not exist.", page.QuerySelector("#story-date-error").Text());
        Assert.Equal("story-date-error", page.QuerySelector("#story-date")!.GetAttribute("aria-describedby"));
        Assert.Equal("30 February 1924", page.QuerySelector("#story-date")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#story-date-reading"));
        await using var scope = app.OpenDb();
        Assert.False(await scope.Db.Stories.AnyAsync(s => s.Title == "A story on a day that never was", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnOldStyleDate_IsReadBackWithTheDayItIsShownOn()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        int id = await editor.WriteStoryAsync("The storming of the Winter Palace", ("Input.Date", "25 October 1917 O.S."));

        var page = await editor.GetOkPageAsync($"/admin/stories/{id}");
        Assert.Equal("25 October 1917 (O.S.) → shown on 7 November", page.QuerySelector("#story-date-reading").Text());
        Assert.Equal("25 October 1917 O.S.", page.QuerySelector("#story-date")!.GetAttribute("value"));
        var story = await app.StoryAsync(id);
        Assert.Equal((11, 7), (story.PlacementMonth, story.PlacementDay));
    }

    [Fact]
    public async Task Preview_RendersTheBodyThroughThePublishedPagesSanitizer()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        const string body = "**Bold** text\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[a link](javascript:alert(3))";

        var response = await editor.PostStoryAsync(StoryForms.Fields("Preview me", ("Input.Body", body), ("act", "preview")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        var preview = page.QuerySelector("#story-preview")!;
        Assert.Equal("Bold", preview.QuerySelector("strong").Text());
        AssertInert(preview);
        await using (var scope = app.OpenDb())
        {
            Assert.False(await scope.Db.Stories.AnyAsync(s => s.Title == "Preview me", TestContext.Current.CancellationToken));
        }

        // The script's endpoint answers the same sanitized fragment, and only with a valid token.
        var form = await editor.GetOkPageAsync("/admin/stories/new");
        var fragment = await editor.PostWithoutTokenAsync("/admin/stories/new?handler=Render", [new("__RequestVerificationToken", form.AntiforgeryToken()), new("Input.Body", body)]);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var parsed = await new HtmlParser().ParseDocumentAsync($"<div id=f>{await fragment.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}</div>", TestContext.Current.CancellationToken);
        Assert.Equal("Bold", parsed.QuerySelector("#f strong").Text());
        AssertInert(parsed.QuerySelector("#f")!);
        var forged = await editor.PostWithoutTokenAsync("/admin/stories/new?handler=Render", [new("Input.Body", body)]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task ASlugInUse_IsRefusedNextToTheSlugField()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        var response = await editor.PostStoryAsync(StoryForms.Fields("Another story on the same address", ("Input.Slug", Samples.MexicoUssr)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Contains("Another story already has the address", page.QuerySelector("#story-slug-error").Text(), StringComparison.Ordinal);
        var bad = await editor.PostStoryAsync(StoryForms.Fields("Slug with capitals", ("Input.Slug", "Not A Slug")));
        var badPage = await bad.ReadPageAsync();
        Assert.Contains("\"not-a-slug\"", badPage.QuerySelector("#story-slug-error").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptySlug_IsMadeFromYearAndTitle_AndNumberedWhenTaken()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        int first = await editor.WriteStoryAsync("Twice the same title", ("Input.Date", "15 March 44 BC"));
        int second = await editor.WriteStoryAsync("Twice the same title", ("Input.Date", "15 March 44 BC"));

        Assert.Equal("44-bc-twice-the-same-title", (await app.StoryAsync(first)).Slug);
        Assert.Equal("44-bc-twice-the-same-title-2", (await app.StoryAsync(second)).Slug);
    }

    [Fact]
    public async Task ChangingThePublishedSlug_LeavesTheOldAddressAnswering301_WithoutLoops()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await editor.WriteStoryAsync("A story that moves", ("act", "publish"), ("Input.Slug", "a-story-that-moves"));
        var reader = app.CreateReaderClient();
        await reader.GetOkPageAsync("/on-this-day/a-story-that-moves");

        await editor.PostStoryAsync(StoryForms.Fields("A story that moves", ("Input.Slug", "a-story-that-moved")), $"/admin/stories/{id}");

        var old = await reader.GetAsync("/on-this-day/a-story-that-moves", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/on-this-day/a-story-that-moved", old.Headers.Location!.OriginalString);
        await reader.GetOkPageAsync("/on-this-day/a-story-that-moved");

        // Moving on, then back to the first address: every old address leads to the page in one step.
        await editor.PostStoryAsync(StoryForms.Fields("A story that moves", ("Input.Slug", "a-story-that-moves-again")), $"/admin/stories/{id}");
        await editor.PostStoryAsync(StoryForms.Fields("A story that moves", ("Input.Slug", "a-story-that-moves")), $"/admin/stories/{id}");

        await reader.GetOkPageAsync("/on-this-day/a-story-that-moves");
        foreach (var from in new[] { "a-story-that-moved", "a-story-that-moves-again" })
        {
            var response = await reader.GetAsync($"/on-this-day/{from}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/on-this-day/a-story-that-moves", response.Headers.Location!.OriginalString);
        }

        await using var scope = app.OpenDb();
        Assert.False(await scope.Db.Redirects.AnyAsync(r => r.FromPath == "/on-this-day/a-story-that-moves", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Scheduling_StoresTheSiteZonesMomentInUtc_AndRefusesThePast()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await editor.WriteStoryAsync("A story for later");

        // 4 August 2024, 09:00 UTC is 11:00 in Berlin: 10:30 that morning has passed.
        var past = await editor.PostStoryAsync(StoryForms.Fields("A story for later", ("act", "schedule"), ("Input.PublishAt", "2024-08-04T10:30")), $"/admin/stories/{id}");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        var page = await past.ReadPageAsync();
        Assert.StartsWith("Choose a moment in the future", page.QuerySelector("#story-publish-at-error").Text(), StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Draft, (await app.StoryAsync(id)).Status);

        var future = await editor.PostStoryAsync(StoryForms.Fields("A story for later", ("act", "schedule"), ("Input.PublishAt", "2024-08-10T11:00")), $"/admin/stories/{id}");
        Assert.Equal(HttpStatusCode.Redirect, future.StatusCode);
        var story = await app.StoryAsync(id);
        Assert.Equal(StoryStatus.Scheduled, story.Status);
        Assert.Equal(new DateTime(2024, 8, 10, 9, 0, 0, DateTimeKind.Utc), story.PublishAtUtc);
        Assert.Null(story.PublishedAtUtc);
        Assert.Contains("story.schedule", await app.AuditActionsAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync($"/on-this-day/{story.Slug}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Unpublishing_TakesTheStoryOffTheSite()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await editor.WriteStoryAsync("Here today, gone tomorrow", ("act", "publish"));
        var slug = (await app.StoryAsync(id)).Slug;
        await app.CreateReaderClient().GetOkPageAsync($"/on-this-day/{slug}");

        var response = await editor.PostFormAsync($"/admin/stories/{id}", "form.story-unpublish", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StoryStatus.Unpublished, (await app.StoryAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync($"/on-this-day/{slug}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("story.unpublish", (await app.AuditActionsAsync(id))[^1]);
    }

    [Fact]
    public async Task Deleting_AfterConfirmation_RemovesTheStoryAndWhatHangsOnIt_AndIsAudited()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await editor.WriteStoryAsync("A story to delete", ("act", "publish"), ("Input.Slug", "a-story-to-delete"));
        await editor.PostStoryAsync(StoryForms.Fields("A story to delete", ("Input.Slug", "a-story-deleted")), $"/admin/stories/{id}");

        var response = await editor.PostFormAsync($"/admin/stories/{id}/delete", "form.story-delete-form", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.OpenDb();
        var ct = TestContext.Current.CancellationToken;
        Assert.False(await scope.Db.Stories.AnyAsync(s => s.Id == id, ct));
        Assert.False(await scope.Db.StoryRevisions.AnyAsync(r => r.StoryId == id, ct));
        Assert.False(await scope.Db.Sources.AnyAsync(s => s.StoryId == id, ct));
        Assert.False(await scope.Db.Redirects.AnyAsync(r => r.ToPath == "/on-this-day/a-story-deleted", ct));
        var audit = await scope.Db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "story.delete" && a.Subject == $"story:{id}", ct);
        Assert.Contains("a-story-deleted", audit.Details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync("/on-this-day/a-story-deleted", ct)).StatusCode);
    }

    [Fact]
    public async Task Search_FindsTheEditedTitle_AndNoLongerTheOldOne()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await editor.WriteStoryAsync("Quarrelsome walruses of Svalbard", ("act", "publish"));
        var reader = app.CreateReaderClient();
        Assert.NotEmpty((await reader.GetOkPageAsync("/search?q=walruses")).QuerySelectorAll($"a[href$='/on-this-day/{(await app.StoryAsync(id)).Slug}']"));

        await editor.PostStoryAsync(StoryForms.Fields("Peaceable narwhals of Svalbard", ("Input.Slug", (await app.StoryAsync(id)).Slug)), $"/admin/stories/{id}");

        var found = await reader.GetOkPageAsync("/search?q=narwhals");
        Assert.Contains(found.QuerySelectorAll("a"), a => a.Text().Contains("Peaceable narwhals of Svalbard", StringComparison.Ordinal));
        var gone = await reader.GetOkPageAsync("/search?q=walruses");
        Assert.DoesNotContain(gone.QuerySelectorAll("a"), a => a.Text().Contains("Svalbard", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheList_FiltersByStatusAndTitle()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int draft = await editor.WriteStoryAsync("Listed kestrel draft");
        int published = await editor.WriteStoryAsync("Listed kestrel story", ("act", "publish"));

        var drafts = await editor.GetOkPageAsync("/admin/stories?status=draft&q=KESTREL");
        Assert.NotNull(drafts.QuerySelector($"tr[data-id='{draft}']"));
        Assert.Null(drafts.QuerySelector($"tr[data-id='{published}']"));
        var all = await editor.GetOkPageAsync("/admin/stories?q=kestrel");
        Assert.Equal(2, all.QuerySelectorAll("tbody tr").Length);
    }

    private static void AssertInert(IElement html)
    {
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Empty(html.QuerySelectorAll("[onerror]"));
        Assert.DoesNotContain(html.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }
}
