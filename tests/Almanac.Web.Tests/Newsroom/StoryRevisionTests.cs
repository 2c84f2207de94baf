using System.Net;
using Almanac.Core.Accounts;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Newsroom;

/// <summary>Every save keeps a revision; a revision shows what changed and can be restored.</summary>
public sealed class StoryRevisionTests(NewsroomApp app) : IClassFixture<NewsroomApp>
{
    [Fact]
    public async Task EverySave_KeepsARevision_WithWhoAndWhichFields()
    {
        var (editor, user) = await app.CreateSignedInUserAsync(Roles.Editor);
        int id = await editor.WriteStoryAsync("The first title");

        await editor.PostStoryAsync(StoryForms.Fields("The second title", ("Input.Slug", (await app.StoryAsync(id)).Slug), ("Input.Body", "The body of the story.\n\nA changed paragraph.")), $"/admin/stories/{id}");

        await using (var scope = app.OpenDb())
        {
            var revisions = await scope.Db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == id).OrderBy(r => r.Number).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([1, 2], revisions.Select(r => r.Number));
            Assert.All(revisions, r => Assert.Equal((user.Id, user.UserName), (r.UserId, r.UserName)));
            Assert.Equal(["Title", "Body"], revisions[1].Changed);
        }

        var list = await editor.GetOkPageAsync($"/admin/stories/{id}/revisions");
        Assert.Contains("Title, Body", list.QuerySelector("tr[data-number='2']").Text(), StringComparison.Ordinal);
        var diff = await editor.GetOkPageAsync($"/admin/stories/{id}/revisions/2");
        Assert.Equal(["- The first title"], diff.QuerySelectorAll("[data-field=Title] del").Select(e => e.TextContent.Trim()));
        Assert.Equal(["+ The second title"], diff.QuerySelectorAll("[data-field=Title] ins").Select(e => e.TextContent.Trim()));
        Assert.Equal(["- A second paragraph."], diff.QuerySelectorAll("[data-field=Body] del").Select(e => e.TextContent.Trim()));
        Assert.Equal(["+ A changed paragraph."], diff.QuerySelectorAll("[data-field=Body] ins").Select(e => e.TextContent.Trim()));
        Assert.Null(diff.QuerySelector("[data-field=Summary]"));
    }

    [Fact]
    public async Task TheFirstEditOfASampleStory_KeepsItsStateBeforeAsABaseline()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id;
        await using (var scope = app.OpenDb())
        {
            id = await scope.Db.Stories.Where(s => s.Slug == Samples.MexicoUssr).Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var page = await editor.GetOkPageAsync($"/admin/stories/{id}");
        var title = page.QuerySelector("#story-title")!.GetAttribute("value")!;
        var response = await editor.SubmitAsync(page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(StoryForms.Form)!, $"/admin/stories/{id}", [new("Input.Title", title + " (revised)"), new("act", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using (var scope = app.OpenDb())
        {
            var revisions = await scope.Db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == id).OrderBy(r => r.Number).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["baseline", "update"], revisions.Select(r => r.Note));
            // Saving the form unchanged but for the title changes nothing else.
            Assert.Equal(["Title"], revisions[1].Changed);
        }
    }

    [Fact]
    public async Task Restoring_BringsBackAnEarlierRevisionAsANewOne_KeepingTheStatus()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await editor.WriteStoryAsync("Restorable title", ("act", "publish"), ("Input.Topics", "Original Topic"));
        var slug = (await app.StoryAsync(id)).Slug;
        await editor.PostStoryAsync(StoryForms.Fields("A title to regret", ("Input.Slug", slug), ("Input.Topics", "Replacement Topic")), $"/admin/stories/{id}");

        var response = await editor.PostFormAsync($"/admin/stories/{id}/revisions/1", "form.revision-restore", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var story = await app.StoryAsync(id);
        Assert.Equal(("Restorable title", StoryStatus.Published), (story.Title, story.Status));
        Assert.Equal(["Original Topic"], story.Topics.Select(t => t.Name));
        await using (var scope = app.OpenDb())
        {
            var latest = await scope.Db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == id).OrderByDescending(r => r.Number).FirstAsync(TestContext.Current.CancellationToken);
            Assert.Equal((3, "restore 1"), (latest.Number, latest.Note));
            Assert.Equal(["Title", "Topics"], latest.Changed);
        }

        Assert.Equal("story.restore", (await app.AuditActionsAsync(id))[^1]);
        var page = await app.CreateReaderClient().GetOkPageAsync($"/on-this-day/{slug}");
        Assert.Contains("Restorable title", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContributor_CannotRestoreARevisionOfAStoryTheyMayNoLongerChange()
    {
        var contributor = await app.CreateSignedInClientAsync(Roles.Contributor);
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await contributor.WriteStoryAsync("Contributed, then published");
        await editor.PostStoryAsync(StoryForms.Fields("Contributed, then published by the desk", ("act", "publish"), ("Input.Slug", (await app.StoryAsync(id)).Slug)), $"/admin/stories/{id}");

        var page = await contributor.GetOkPageAsync($"/admin/stories/{id}/revisions/1");
        Assert.Null(page.QuerySelector("form.revision-restore"));
        var response = await contributor.PostWithoutTokenAsync($"/admin/stories/{id}/revisions/1?handler=Restore", [new("__RequestVerificationToken", page.AntiforgeryToken())]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Contributed, then published by the desk", (await app.StoryAsync(id)).Title);
    }
}
