using Almanac.Core.Accounts;
using Almanac.Core.Data;
using Almanac.Core.Search;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Publishing;

/// <summary>
/// Scheduled stories going live at their time. Several app nodes (and overlapping runs on one node)
/// may see the same due story; the conditional update "Scheduled → Published" lets exactly one of
/// them claim it, and only the claimant audits, reindexes and refreshes related stories.
/// </summary>
public static class ScheduledPublishing
{
    /// <summary>The audit log's user name for what the scheduler does (no user id).</summary>
    public const string ActorName = "scheduler";

    /// <summary>The audit action (the editor's "Publish" records the same).</summary>
    public const string AuditAction = "story.publish";

    /// <summary>The audit details of a scheduled publication.</summary>
    public const string AuditDetails = "scheduled";

    /// <summary>Ids of Scheduled stories whose time has come, earliest first.</summary>
    public static Task<List<int>> DueAsync(AlmanacDbContext db, DateTime nowUtc, int max, CancellationToken ct) =>
        db.Stories.AsNoTracking()
            .Where(s => s.Status == StoryStatus.Scheduled && s.PublishAtUtc != null && s.PublishAtUtc <= nowUtc)
            .OrderBy(s => s.PublishAtUtc).ThenBy(s => s.Id)
            .Select(s => s.Id)
            .Take(max)
            .ToListAsync(ct);

    /// <summary>
    /// Publishes one due story if this caller wins it: status, publication time (the scheduled time,
    /// not the moment the poll came round), audit entry, search index and related stories in one
    /// transaction. Returns false when another run got there first or the story is no longer due.
    /// </summary>
    public static async Task<bool> TryPublishAsync(AlmanacDbContext db, int storyId, DateTime nowUtc, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The WHERE clause is the lock: on PostgreSQL a second updater waits for the first to commit and
        // then finds the row no longer Scheduled; SQLite serialises writers outright.
        int claimed = await db.Stories
            .Where(s => s.Id == storyId && s.Status == StoryStatus.Scheduled && s.PublishAtUtc != null && s.PublishAtUtc <= nowUtc)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, StoryStatus.Published)
                .SetProperty(s => s.PublishedAtUtc, s => s.PublishAtUtc)
                .SetProperty(s => s.UpdatedAtUtc, nowUtc), ct);
        if (claimed == 0)
        {
            return false;
        }

        AuditLog.Record(db, nowUtc, null, ActorName, AuditAction, $"story:{storyId}", AuditDetails);
        await db.SaveChangesAsync(ct);

        // ExecuteUpdate bypasses the SaveChanges interceptors that keep these in step, so do their work here.
        await StorySearch.For(db).ReindexAsync([storyId], ct);
        var listedBy = await db.StoryRelations.AsNoTracking().Where(r => r.RelatedStoryId == storyId).Select(r => r.StoryId).ToListAsync(ct);
        await RelatedStories.RefreshAsync(db, [storyId], listedBy, ct);

        await transaction.CommitAsync(ct);
        return true;
    }
}
