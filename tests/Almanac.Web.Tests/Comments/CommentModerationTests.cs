using Almanac.Core.Comments;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Comments;

/// <summary>The moderation rules of <see cref="CommentModeration"/>, on the real database.</summary>
public class CommentModerationTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The moderation service, and a story to comment on (with <paramref name="other"/>, not the one other tests use).</summary>
    private async Task<(AsyncServiceScopeWithDb Scope, CommentModeration Moderation, int StoryId)> OpenAsync(bool other = false)
    {
        var scope = app.OpenDb();
        int storyId = other
            ? await scope.Db.Stories.Where(s => s.Slug != Samples.MexicoUssr).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct)
            : await scope.Db.Stories.Where(s => s.Slug == Samples.MexicoUssr).Select(s => s.Id).SingleAsync(Ct);
        return (scope, scope.Services.GetRequiredService<CommentModeration>(), storyId);
    }

    private static CommentSubmission Submission(int storyId, string email, string body = "Hello", int? parent = null) =>
        new(storyId, parent, "Reader", email, body, "hash");

    [Fact]
    public async Task FirstCommentFromAnAddress_IsHeld_ThenTheSameAddressIsPublishedAtOnce()
    {
        var (scope, moderation, storyId) = await OpenAsync();
        await using var _ = scope;

        var first = (await moderation.SubmitAsync(Submission(storyId, "first@example.org"), Ct)).Comment!;
        Assert.Equal(CommentStatus.Pending, first.Status);
        // Still pending: a second comment is held too.
        Assert.Equal(CommentStatus.Pending, (await moderation.SubmitAsync(Submission(storyId, "first@example.org"), Ct)).Comment!.Status);

        await moderation.SetStatusAsync([first.Id], CommentStatus.Approved, Ct);

        Assert.Equal(CommentStatus.Approved, (await moderation.SubmitAsync(Submission(storyId, " First@Example.org"), Ct)).Comment!.Status);
        Assert.Equal(CommentStatus.Pending, (await moderation.SubmitAsync(Submission(storyId, "other@example.org"), Ct)).Comment!.Status);
    }

    [Fact]
    public async Task WithoutAnAddress_EveryCommentIsHeld()
    {
        var (scope, moderation, storyId) = await OpenAsync();
        await using var _ = scope;

        Assert.Equal(CommentStatus.Pending, (await moderation.SubmitAsync(new CommentSubmission(storyId, null, "Anon", null, "Hi", null), Ct)).Comment!.Status);
    }

    [Theory]
    [InlineData("one http://a.example and two https://b.example", CommentStatus.Approved)]
    [InlineData("http://a.example http://b.example HTTPS://c.example", CommentStatus.Pending)]
    public async Task MoreLinksThanTheThreshold_HoldTheComment(string body, CommentStatus expected)
    {
        var (scope, moderation, storyId) = await OpenAsync();
        await using var _ = scope;
        var known = (await moderation.SubmitAsync(Submission(storyId, $"links-{expected}@example.org"), Ct)).Comment!;
        await moderation.SetStatusAsync([known.Id], CommentStatus.Approved, Ct);

        Assert.Equal(expected, (await moderation.SubmitAsync(Submission(storyId, $"links-{expected}@example.org", body), Ct)).Comment!.Status);
    }

    [Fact]
    public async Task ABannedAddress_GoesToSpam_AndSoDoItsWaitingComments()
    {
        var (scope, moderation, storyId) = await OpenAsync();
        await using var _ = scope;
        var waiting = (await moderation.SubmitAsync(Submission(storyId, "spammer@example.org"), Ct)).Comment!;

        await moderation.BanAsync("Spammer@Example.org", Ct);
        await moderation.BanAsync("spammer@example.org", Ct);

        Assert.Equal(CommentStatus.Spam, (await scope.Db.Comments.AsNoTracking().SingleAsync(c => c.Id == waiting.Id, Ct)).Status);
        Assert.Equal(CommentStatus.Spam, (await moderation.SubmitAsync(Submission(storyId, "spammer@example.org"), Ct)).Comment!.Status);
        Assert.Equal(1, await scope.Db.CommentBans.CountAsync(b => b.Email == "spammer@example.org", Ct));
    }

    [Fact]
    public async Task SettingStatus_ReportsOnlyTheStoriesWhosePagesChange()
    {
        var (scope, moderation, storyId) = await OpenAsync();
        await using var _ = scope;
        var a = (await moderation.SubmitAsync(Submission(storyId, "status-a@example.org"), Ct)).Comment!;

        Assert.Empty(await moderation.SetStatusAsync([a.Id], CommentStatus.Spam, Ct));
        Assert.Equal([storyId], await moderation.SetStatusAsync([a.Id], CommentStatus.Approved, Ct));
        Assert.Equal([storyId], await moderation.SetStatusAsync([a.Id], CommentStatus.Deleted, Ct));
    }

    [Fact]
    public async Task AClosedStory_TakesNoComments_AndCommentsCloseAfterTheConfiguredDays()
    {
        var (scope, moderation, storyId) = await OpenAsync(other: true);
        await using var _ = scope;
        await moderation.SetClosedAsync(storyId, true, Ct);
        Assert.Equal(SubmitOutcome.Closed, (await moderation.SubmitAsync(Submission(storyId, "closed@example.org"), Ct)).Outcome);
        Assert.Equal(0, await scope.Db.Comments.CountAsync(c => c.Email == "closed@example.org", Ct));
        await moderation.SetClosedAsync(storyId, false, Ct);

        var published = app.Time.GetUtcNow().UtcDateTime.AddDays(-10);
        var options = new SettableOptions<CommentOptions>(new CommentOptions { CloseAfterDays = 14 });
        var ageing = new CommentModeration(scope.Db, options, app.Time);
        Assert.True(ageing.IsOpen(false, published));
        Assert.False(ageing.IsOpen(true, published));
        Assert.False(ageing.IsOpen(false, published.AddDays(-5)));
        Assert.False(new CommentModeration(scope.Db, new SettableOptions<CommentOptions>(new CommentOptions { Enabled = false }), app.Time).IsOpen(false, published));
    }

    [Fact]
    public async Task AReplyToAReply_JoinsTheSameThread_AndAReplyToAnUnapprovedCommentIsRefused()
    {
        var (scope, moderation, storyId) = await OpenAsync();
        await using var _ = scope;
        var top = (await moderation.SubmitAsync(Submission(storyId, "top@example.org"), Ct)).Comment!;
        Assert.Equal(SubmitOutcome.NoSuchParent, (await moderation.SubmitAsync(Submission(storyId, "child@example.org", parent: top.Id), Ct)).Outcome);
        await moderation.SetStatusAsync([top.Id], CommentStatus.Approved, Ct);
        var child = (await moderation.SubmitAsync(Submission(storyId, "child@example.org", parent: top.Id), Ct)).Comment!;
        await moderation.SetStatusAsync([child.Id], CommentStatus.Approved, Ct);

        var grandchild = (await moderation.SubmitAsync(Submission(storyId, "grandchild@example.org", parent: child.Id), Ct)).Comment!;

        Assert.Equal(top.Id, grandchild.ParentId);
    }
}
