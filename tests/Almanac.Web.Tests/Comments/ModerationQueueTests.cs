using System.Net;
using Almanac.Core.Accounts;
using Almanac.Core.Comments;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Comments;

/// <summary>The editors' queue at /admin/comments, used by a signed-in editor through its real forms.</summary>
public sealed class ModerationQueueTests : IAsyncLifetime
{
    private readonly CommentsApp app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task TheQueue_IsForEditorsOnly()
    {
        var contributor = await app.CreateSignedInClientAsync(Roles.Contributor);
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserClient().GetAsync("/admin/comments", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.GetAsync("/admin/comments", TestContext.Current.CancellationToken)).StatusCode);
        await editor.GetOkPageAsync("/admin/comments");
    }

    [Fact]
    public async Task ApprovingAHeldComment_PublishesItOnTheCachedStoryPage_AndIsAudited()
    {
        var reader = app.CreateBrowserlikeClient();
        await reader.GetOkPageAsync(CommentsApp.Story); // the story page is now in the cache
        await app.SendCommentAsync(reader, [new("Name", "Rosa"), new("Email", "rosa@example.org"), new("Body", "My grandfather worked at that embassy.")]);
        var held = Assert.Single(await app.CommentsAsync());
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.DoesNotContain("My grandfather", (await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story)).Body!.TextContent, StringComparison.Ordinal);

        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        var queue = await editor.GetOkPageAsync("/admin/comments");
        Assert.NotNull(queue.QuerySelector($"#queued-{held.Id}"));
        var approved = await editor.SubmitAsync(queue.QuerySelector<IHtmlFormElement>("form.comment-queue")!, "/admin/comments", [new("ids", held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", "approve")]);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(CommentStatus.Approved, Assert.Single(await app.CommentsAsync()).Status);
        Assert.Contains("My grandfather worked at that embassy.", (await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story)).Body!.TextContent, StringComparison.Ordinal);
        await using var scope = app.OpenDb();
        Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.Action == "comments.approve", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BanningAnAddress_SendsItsWaitingCommentsToSpam()
    {
        await app.SendCommentAsync(app.CreateBrowserlikeClient(), [new("Name", "Pest"), new("Email", "pest@example.org"), new("Body", "Buy cheap watches now")]);
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);

        await editor.PostFormAsync("/admin/comments", "form.comment-ban", [new("email", "pest@example.org")]);

        Assert.Equal(CommentStatus.Spam, Assert.Single(await app.CommentsAsync()).Status);
        var spam = await editor.GetOkPageAsync("/admin/comments?tab=spam");
        Assert.Single(spam.QuerySelectorAll(".queue-item"));
    }

    [Fact]
    public async Task ClosingAStory_RemovesItsCommentForm()
    {
        var editor = await app.CreateSignedInClientAsync(Roles.Editor);
        Assert.NotNull((await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story)).QuerySelector("form.comment-form"));

        await editor.PostFormAsync("/admin/comments", "form.comment-close", [new("slug", Samples.MexicoUssr)]);

        Assert.Null((await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story)).QuerySelector("form.comment-form"));
    }
}
