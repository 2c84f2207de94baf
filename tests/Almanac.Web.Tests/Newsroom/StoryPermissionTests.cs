using System.Net;
using Almanac.Core.Accounts;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Almanac.Web.Tests.Newsroom;

/// <summary>Who may do what with stories: each role, allowed and forbidden, enforced by the server.</summary>
public sealed class StoryPermissionTests(NewsroomApp app) : IClassFixture<NewsroomApp>
{
    [Theory]
    [InlineData("/admin/stories")]
    [InlineData("/admin/stories/new")]
    [InlineData("/admin/stories/1")]
    [InlineData("/admin/stories/1/revisions")]
    public async Task AnonymousVisitor_IsSentToSignIn(string path)
    {
        var response = await app.CreateBrowserClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?returnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contributor_WritesEditsAndSubmitsTheirOwnDraft()
    {
        var (contributor, user) = await app.CreateSignedInUserAsync(Roles.Contributor);

        int id = await contributor.WriteStoryAsync("Contributor's first draft");
        var edited = await contributor.PostStoryAsync(StoryForms.Fields("Contributor's draft, revised"), $"/admin/stories/{id}");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var submitted = await contributor.PostStoryAsync(StoryForms.Fields("Contributor's draft, revised", ("act", "submit")), $"/admin/stories/{id}");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var story = await app.StoryAsync(id);
        Assert.Equal((user.Id, "Contributor's draft, revised", StoryStatus.InReview), (story.OwnerId, story.Title, story.Status));
        Assert.Equal(["story.create", "story.update", "story.update", "story.submit"], await app.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Contributor_CannotOpenOrChangeAnotherContributorsDraft()
    {
        var owner = await app.CreateSignedInClientAsync(Roles.Contributor);
        var other = await app.CreateSignedInClientAsync(Roles.Contributor);
        int id = await owner.WriteStoryAsync("Someone else's draft");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/admin/stories/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/admin/stories/{id}/revisions", TestContext.Current.CancellationToken)).StatusCode);
        // A valid token from the contributor's own page does not open someone else's story.
        var form = (await other.GetOkPageAsync("/admin/stories/new")).QuerySelector<IHtmlFormElement>(StoryForms.Form)!;
        var response = await other.SubmitAsync(form, $"/admin/stories/{id}", StoryForms.Fields("Taken over"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Someone else's draft", (await app.StoryAsync(id)).Title);
        var list = await other.GetOkPageAsync("/admin/stories");
        Assert.Null(list.QuerySelector($"tr[data-id='{id}']"));
    }

    [Fact]
    public async Task Contributor_CannotPublishScheduleUnpublishOrDelete()
    {
        var contributor = await app.CreateSignedInClientAsync(Roles.Contributor);
        int id = await contributor.WriteStoryAsync("A draft that stays a draft");

        foreach (var act in new[] { "publish", "schedule" })
        {
            var response = await contributor.PostStoryAsync(StoryForms.Fields("A draft that stays a draft", ("act", act), ("Input.PublishAt", "2024-08-10T11:00")), $"/admin/stories/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var page = await contributor.GetOkPageAsync($"/admin/stories/{id}");
        Assert.Null(page.QuerySelector("button[value=publish]"));
        var token = page.AntiforgeryToken();
        var unpublish = await contributor.PostWithoutTokenAsync($"/admin/stories/{id}?handler=Unpublish", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Forbidden, unpublish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"/admin/stories/{id}/delete", TestContext.Current.CancellationToken)).StatusCode);
        var delete = await contributor.PostWithoutTokenAsync($"/admin/stories/{id}/delete", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(StoryStatus.Draft, (await app.StoryAsync(id)).Status);
    }

    [Fact]
    public async Task Contributor_CannotChangeTheirStoryOnceAnEditorPublishedIt()
    {
        var (contributor, _) = await app.CreateSignedInUserAsync(Roles.Contributor);
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await contributor.WriteStoryAsync("Published by the desk", ("act", "submit"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostStoryAsync(StoryForms.Fields("Published by the desk", ("act", "publish")), $"/admin/stories/{id}")).StatusCode);

        var page = await contributor.GetOkPageAsync($"/admin/stories/{id}");
        var response = await contributor.SubmitAsync(page.QuerySelector<IHtmlFormElement>(StoryForms.Form)!, $"/admin/stories/{id}", StoryForms.Fields("Changed after publication"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Published by the desk", (await app.StoryAsync(id)).Title);
    }

    [Fact]
    public async Task Editor_PublishesAStoryThatReadersThenSee()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        int id = await editor.WriteStoryAsync("The editor publishes at once", ("act", "publish"));

        var story = await app.StoryAsync(id);
        Assert.Equal(StoryStatus.Published, story.Status);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, story.PublishedAtUtc);
        Assert.Equal("1924-the-editor-publishes-at-once", story.Slug);
        Assert.Equal(["story.create", "story.publish"], await app.AuditActionsAsync(id));
        var page = await app.CreateReaderClient().GetOkPageAsync($"/on-this-day/{story.Slug}");
        Assert.Contains("The editor publishes at once", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_WithoutTheAntiforgeryToken_IsRejected()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        var response = await editor.PostWithoutTokenAsync("/admin/stories/new", StoryForms.Fields("Forged story", ("act", "publish")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = app.OpenDb();
        Assert.False(scope.Db.Stories.Any(s => s.Title == "Forged story"));
    }
}
