using System.Runtime.CompilerServices;
using Almanac.Core.Data;
using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Almanac.Core.Stories;

/// <summary>
/// Keeps stored related stories in step with edits, like the search index: before a save it notes
/// which stories change (added, edited, published, unpublished, deleted, re-tagged) and which stories
/// list them now; after the save succeeds it calls <see cref="RelatedStories.RefreshAsync"/>. Bulk
/// loaders that rank everything at the end anyway (sample content, <c>almanac generate</c>) wrap their
/// saves in <see cref="Suspend"/>.
/// </summary>
public sealed class RelatedStoriesRefresh : SaveChangesInterceptor
{
    public static RelatedStoriesRefresh Instance { get; } = new();

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];
    private readonly ConditionalWeakTable<DbContext, object> suspended = [];

    /// <summary>Turns the refresh off for this context until the result is disposed.</summary>
    public static IDisposable Suspend(AlmanacDbContext db)
    {
        Instance.suspended.AddOrUpdate(db, new object());
        return new Resume(db);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AlmanacDbContext db && !suspended.TryGetValue(db, out _))
        {
            pending.Remove(db);
            if (Collect(db) is { } work)
            {
                pending.Add(db, work);
            }
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is AlmanacDbContext db && Take(db) is { } work)
        {
            RelatedStories.RefreshAsync(db, work.StoryIds(), work.ListedBy, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AlmanacDbContext db && Take(db) is { } work)
        {
            await RelatedStories.RefreshAsync(db, work.StoryIds(), work.ListedBy, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static Pending? Collect(AlmanacDbContext db)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var work = new Pending();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                switch (entry.Entity)
                {
                    case Story story:
                        work.Stories.Add(story);
                        break;
                    case StoryTopic or StoryCategory:
                        work.Joins.Add(entry.Entity);
                        break;
                }
            }
        }

        if (work.Stories.Count == 0 && work.Joins.Count == 0)
        {
            return null;
        }

        // Read now: deleting a story cascades to the rows that list it, and those lists must be refilled.
        var existing = work.StoryIds().Where(id => id > 0).ToList();
        if (existing.Count > 0)
        {
            work.ListedBy.AddRange(db.StoryRelations.AsNoTracking().Where(r => existing.Contains(r.RelatedStoryId)).Select(r => r.StoryId).ToList());
        }

        return work;
    }

    private Pending? Take(DbContext db)
    {
        if (pending.TryGetValue(db, out var work))
        {
            pending.Remove(db);
            return work;
        }

        return null;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            pending.Remove(db);
        }
    }

    private sealed class Resume(AlmanacDbContext db) : IDisposable
    {
        public void Dispose() => Instance.suspended.Remove(db);
    }

    private sealed class Pending
    {
        public List<Story> Stories { get; } = [];

        public List<object> Joins { get; } = [];

        public List<int> ListedBy { get; } = [];

        public int[] StoryIds() =>
        [
            .. Stories.Select(s => s.Id),
            .. Joins.Select(j => j is StoryTopic t ? t.StoryId : ((StoryCategory)j).StoryId),
        ];
    }
}
