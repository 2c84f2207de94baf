using System.Security.Cryptography;
using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Core.Comments;

/// <summary>What a reader sends, already checked for length and form by the page.</summary>
public sealed record CommentSubmission(int StoryId, int? ParentId, string AuthorName, string? Email, string Body, string? IpHash);

public enum SubmitOutcome
{
    Accepted = 0,
    Closed = 1,
    NoSuchParent = 2,
}

public sealed record SubmitResult(SubmitOutcome Outcome, Comment? Comment = null);

/// <summary>
/// The moderation rules and the editors' actions. A new comment is held for an editor when its
/// address has never had a comment approved, when it has no address, or when it has more links than
/// <see cref="CommentOptions.LinkThreshold"/>; a banned address goes to spam; everything else (a
/// returning, approved commenter) is published at once.
/// </summary>
public sealed class CommentModeration(AlmanacDbContext db, IOptionsMonitor<CommentOptions> options, TimeProvider time)
{
    private CommentOptions Options => options.CurrentValue;

    public static string? NormalizeEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>Whether readers may comment on a story now: comments on, the story not closed, and not past the closing age.</summary>
    public bool IsOpen(bool storyClosed, DateTime? publishedAtUtc) =>
        Options.Enabled && !storyClosed
        && (Options.CloseAfterDays == 0 || publishedAtUtc is not { } published
            || time.GetUtcNow().UtcDateTime < published.AddDays(Options.CloseAfterDays));

    public async Task<CommentStatus> DecideAsync(string? email, string body, CancellationToken ct)
    {
        var address = NormalizeEmail(email);
        if (address is not null && await db.CommentBans.AnyAsync(b => b.Email == address, ct))
        {
            return CommentStatus.Spam;
        }

        if (address is null || CommentText.CountLinks(body) > Options.LinkThreshold)
        {
            return CommentStatus.Pending;
        }

        bool known = await db.Comments.AnyAsync(c => c.Email == address && c.Status == CommentStatus.Approved, ct);
        return known ? CommentStatus.Approved : CommentStatus.Pending;
    }

    public async Task<SubmitResult> SubmitAsync(CommentSubmission submission, CancellationToken ct)
    {
        var story = await db.Stories.AsNoTracking().Where(s => s.Id == submission.StoryId)
            .Select(s => new { s.CommentsClosed, s.PublishedAtUtc }).SingleAsync(ct);
        if (!IsOpen(story.CommentsClosed, story.PublishedAtUtc))
        {
            return new(SubmitOutcome.Closed);
        }

        int? parentId = null;
        if (submission.ParentId is { } requested)
        {
            var parent = await db.Comments.AsNoTracking()
                .Where(c => c.Id == requested && c.StoryId == submission.StoryId && c.Status == CommentStatus.Approved)
                .Select(c => new { c.Id, c.ParentId }).SingleOrDefaultAsync(ct);
            if (parent is null)
            {
                return new(SubmitOutcome.NoSuchParent);
            }

            // One level of replies: an answer to a reply joins the same thread.
            parentId = parent.ParentId ?? parent.Id;
        }

        var comment = new Comment
        {
            StoryId = submission.StoryId,
            ParentId = parentId,
            AuthorName = submission.AuthorName,
            Email = NormalizeEmail(submission.Email),
            Body = submission.Body,
            Status = await DecideAsync(submission.Email, submission.Body, ct),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            IpHash = submission.IpHash,
            DeleteKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        return new(SubmitOutcome.Accepted, comment);
    }

    /// <summary>Sets the status of several comments at once; returns the stories whose pages show something new.</summary>
    public async Task<IReadOnlyList<int>> SetStatusAsync(IReadOnlyCollection<int> ids, CommentStatus status, CancellationToken ct)
    {
        // Pages change when a comment becomes visible or stops being visible.
        var stories = await db.Comments.Where(c => ids.Contains(c.Id) && c.Status != status
                && (c.Status == CommentStatus.Approved || status == CommentStatus.Approved))
            .Select(c => c.StoryId).Distinct().ToListAsync(ct);
        await db.Comments.Where(c => ids.Contains(c.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, status), ct);
        return stories;
    }

    /// <summary>Bans an address: its future comments go to spam, and so do its comments waiting now.</summary>
    public async Task BanAsync(string email, CancellationToken ct)
    {
        var address = NormalizeEmail(email);
        if (address is null)
        {
            return;
        }

        if (!await db.CommentBans.AnyAsync(b => b.Email == address, ct))
        {
            db.CommentBans.Add(new CommentBan { Email = address, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }

        await db.Comments.Where(c => c.Email == address && c.Status == CommentStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CommentStatus.Spam), ct);
    }

    /// <summary>The reader's own deletion (from the mailed link): the comment goes, and with it the address and its hash.</summary>
    public async Task<bool> DeleteOwnAsync(int id, string deleteKey, CancellationToken ct)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id && c.DeleteKey == deleteKey && c.Status != CommentStatus.Deleted, ct);
        if (comment is null)
        {
            return false;
        }

        comment.Status = CommentStatus.Deleted;
        comment.Email = null;
        comment.IpHash = null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task SetClosedAsync(int storyId, bool closed, CancellationToken ct) =>
        await db.Stories.Where(s => s.Id == storyId).ExecuteUpdateAsync(u => u.SetProperty(s => s.CommentsClosed, closed), ct);

    /// <summary>Clears the address hashes of comments older than the retention period; returns how many.</summary>
    public Task<int> PurgeAddressHashesAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-Options.IpRetentionDays);
        return db.Comments.Where(c => c.IpHash != null && c.CreatedAtUtc < cutoff)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.IpHash, (string?)null), ct);
    }
}
