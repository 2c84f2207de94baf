using System.Net;
using Almanac.Core.Accounts;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Newsroom;

/// <summary>Two editors with the same story open: the second save does not silently replace the first.</summary>
public sealed class EditConflictTests(NewsroomApp app) : IClassFixture<NewsroomApp>
{
    [Fact]
    public async Task ASaveOverAnEditNotSeen_IsRefused_KeepsTheTypedText_AndASecondSaveIsAKnowingChoice()
    {
        var (id, path, first, second) = await OpenByTwoEditorsAsync("The title both editors opened");

        var theirs = await second.Client.SubmitAsync(second.Form, path, [new("Input.Title", "The second editor's title"), new("act", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);

        var refused = await first.Client.SubmitAsync(first.Form, path,
            [new("Input.Title", "The first editor's title"), new("Input.Body", "A paragraph the first editor wrote."), new("act", "save")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadPageAsync();
        var alert = page.QuerySelector("#edit-conflict");
        Assert.NotNull(alert);
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Contains($"{second.User.UserName} saved this story", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/admin/stories/{id}/revisions/2", alert.QuerySelector("a")!.GetAttribute("href"));
        // Nothing of the refused save reached the database, and nothing the first editor typed is lost.
        Assert.Equal("The second editor's title", (await app.StoryAsync(id)).Title);
        Assert.Equal("The first editor's title", page.QuerySelector("#story-title")!.GetAttribute("value"));
        Assert.Equal("A paragraph the first editor wrote.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("input[name='Input.BaseRevision']")!.GetAttribute("value"));
        Assert.Equal(2, await RevisionCountAsync(id));

        // The re-shown form has seen revision 2: saving it now is deliberate, and the second version stays in the history.
        var again = await first.Client.SubmitAsync(Form(page), path, [new("act", "save")]);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("The first editor's title", (await app.StoryAsync(id)).Title);
        await using var scope = app.OpenDb();
        var users = await scope.Db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == id).OrderBy(r => r.Number).Select(r => r.UserName).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([first.User.UserName!, second.User.UserName!, first.User.UserName!], users);
    }

    [Fact]
    public async Task TwoSavesAtTheSameMoment_OneIsKept_TheOtherIsToldSo()
    {
        var (id, path, first, second) = await OpenByTwoEditorsAsync("A story two editors save at once");

        var responses = await Task.WhenAll(
            first.Client.SubmitAsync(first.Form, path, [new("Input.Title", "Saved by the first"), new("act", "save")]),
            second.Client.SubmitAsync(second.Form, path, [new("Input.Title", "Saved by the second"), new("act", "save")]));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.Redirect ? "Saved by the first" : "Saved by the second";
        Assert.Equal(winner, (await app.StoryAsync(id)).Title);
        var loser = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadPageAsync();
        Assert.NotNull(loser.QuerySelector("#edit-conflict"));
        Assert.Equal(2, await RevisionCountAsync(id));
    }

    [Fact]
    public async Task SavingTwiceInARow_FromTheSameEditor_IsNoConflict()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        int id = await editor.WriteStoryAsync("Saved, then saved again");
        var path = $"/admin/stories/{id}";

        var once = await editor.PostFormAsync(path, StoryForms.Form, [new("Input.Summary", "A first change."), new("act", "save")]);
        var twice = await editor.PostFormAsync(path, StoryForms.Form, [new("Input.Summary", "A second change."), new("act", "save")]);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (once.StatusCode, twice.StatusCode));
        Assert.Equal("A second change.", (await app.StoryAsync(id)).Summary);
        Assert.Equal(3, await RevisionCountAsync(id));
    }

    private static IHtmlFormElement Form(IDocument page) => page.QuerySelector<IHtmlFormElement>(StoryForms.Form)!;

    /// <summary>A new story, opened in the editor by two editors, each signed in on their own, before either saves.</summary>
    private async Task<(int Id, string Path, Desk First, Desk Second)> OpenByTwoEditorsAsync(string title)
    {
        var (first, firstUser) = await app.CreateSignedInUserAsync(Roles.Editor);
        var (second, secondUser) = await app.CreateSignedInUserAsync(Roles.Editor);
        int id = await first.WriteStoryAsync(title);
        var path = $"/admin/stories/{id}";
        var firstForm = Form(await first.GetOkPageAsync(path));
        var secondForm = Form(await second.GetOkPageAsync(path));
        return (id, path, new Desk(first, firstUser, firstForm), new Desk(second, secondUser, secondForm));
    }

    private async Task<int> RevisionCountAsync(int id)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.StoryRevisions.CountAsync(r => r.StoryId == id, TestContext.Current.CancellationToken);
    }

    /// <summary>An editor's session with the story's form as it was when they opened it.</summary>
    private sealed record Desk(HttpClient Client, AlmanacUser User, IHtmlFormElement Form);
}
