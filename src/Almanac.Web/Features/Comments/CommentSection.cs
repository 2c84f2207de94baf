using Almanac.Core.Comments;
using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Comments;

/// <summary>A story's comments as its page shows them: one page of the thread, the form, and the author's own notice.</summary>
public sealed record CommentSection(
    string Slug,
    bool Enabled,
    bool Open,
    CommentPage Page,
    CommentFormView Form,
    Comment? Notice)
{
    /// <summary>The page's comments grouped into threads: a comment and its replies (the head is null when the thread began on an earlier page).</summary>
    public IEnumerable<(CommentView? Head, IReadOnlyList<CommentView> Replies)> Threads =>
        Page.Comments.GroupBy(c => c.ParentId ?? c.Id)
            .Select(g => (g.FirstOrDefault(c => c.ParentId is null), (IReadOnlyList<CommentView>)[.. g.Where(c => c.ParentId is not null)]));

    public static async Task<CommentSection> LoadAsync(HttpContext http, AlmanacDbContext db, int storyId, string slug, int page, CancellationToken ct)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<CommentOptions>>().CurrentValue;
        var moderation = services.GetRequiredService<CommentModeration>();
        var tokens = services.GetRequiredService<CommentTokens>();
        var story = await db.Stories.AsNoTracking().Where(s => s.Id == storyId).Select(s => new { s.CommentsClosed, s.PublishedAtUtc }).SingleAsync(ct);
        // With comments turned off the form goes, but what readers already wrote stays readable.
        var comments = await CommentQueries.LoadPageAsync(db, storyId, page, options.PageSize, ct);

        // Only a reader's own (uncached) render carries per-reader values: the token and the timestamp.
        bool live = CommentServices.IsPersonal(http);
        Comment? notice = null;
        if (live && tokens.ReadNotice(http.Request.Cookies[CommentTokens.NoticeCookie]) is { } id)
        {
            notice = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.StoryId == storyId && c.Status != CommentStatus.Deleted, ct);
        }

        var form = new CommentFormView(slug, new CommentInput(), live, live ? tokens.Stamp() : null, options.BodyMaxLength);
        return new CommentSection(slug, options.Enabled, moderation.IsOpen(story.CommentsClosed, story.PublishedAtUtc), comments, form, notice);
    }
}
