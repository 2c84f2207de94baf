using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Newsroom;

/// <summary>Keeps a revision on every save from the editor.</summary>
public static class StoryRevisions
{
    /// <summary>
    /// Adds the revision of <paramref name="after"/> (tracked, not saved) and returns the fields that
    /// changed since the revision before it. A story made outside the editor (imported, sample) has no
    /// revision at its first save: its state before that save is kept first as a baseline, so the first
    /// edit has something to be compared with.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RecordAsync(AlmanacDbContext db, int storyId, StorySnapshot? before, StorySnapshot after,
        DateTime nowUtc, string? userId, string userName, string note, CancellationToken ct)
    {
        var last = await db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == storyId)
            .OrderByDescending(r => r.Number).Select(r => new { r.Number, r.Snapshot }).FirstOrDefaultAsync(ct);
        int number = last?.Number ?? 0;
        var previous = last is null ? before : StorySnapshot.FromJson(last.Snapshot);
        if (last is null && before is not null)
        {
            db.StoryRevisions.Add(new StoryRevision { StoryId = storyId, Number = ++number, CreatedAtUtc = nowUtc, Note = "baseline", Snapshot = before.ToJson() });
        }

        var changed = StorySnapshot.Changes(previous, after);
        db.StoryRevisions.Add(new StoryRevision
        {
            StoryId = storyId,
            Number = number + 1,
            CreatedAtUtc = nowUtc,
            UserId = userId,
            UserName = userName.Length <= 256 ? userName : userName[..256],
            ChangedFields = string.Join(',', changed),
            Note = note,
            Snapshot = after.ToJson(),
        });
        return changed;
    }

    /// <summary>The newest revision of a story without its snapshot; null when it has none yet.</summary>
    public static Task<StoryRevision?> LatestAsync(AlmanacDbContext db, int storyId, CancellationToken ct) =>
        db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == storyId).OrderByDescending(r => r.Number)
            .Select(r => new StoryRevision { Id = r.Id, StoryId = r.StoryId, Number = r.Number, CreatedAtUtc = r.CreatedAtUtc, UserId = r.UserId, UserName = r.UserName, ChangedFields = r.ChangedFields, Note = r.Note })
            .FirstOrDefaultAsync(ct);
}
