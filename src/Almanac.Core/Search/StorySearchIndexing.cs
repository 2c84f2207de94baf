using System.Runtime.CompilerServices;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Almanac.Core.Search;

/// <summary>
/// Keeps the search index in step with the stories: before a save it notes which stories change
/// (a story added, edited or deleted; a topic or category added to or taken from a story; a topic
/// or category renamed or deleted), and after the save succeeds it reindexes them. The sample
/// loader, <c>almanac generate</c> and the editor all save through EF, so none has to remember.
/// Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass it: rebuild with <c>almanac reindex</c>.
/// </summary>
public sealed class StorySearchIndexing : SaveChangesInterceptor
{
    public static StorySearchIndexing Instance { get; } = new();

    // The interceptor is shared by every context (pooled), so pending work is kept per context.
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AlmanacDbContext db)
        {
            Note(db, TagStoryIds(db, Collect(db)));
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is AlmanacDbContext db && Take(db) is { } work)
        {
            StorySearch.For(db).ReindexAsync(work.StoryIds(), CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AlmanacDbContext db && Take(db) is { } work)
        {
            await StorySearch.For(db).ReindexAsync(work.StoryIds(), cancellationToken);
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

    /// <summary>Stories and join rows are kept as objects: an added story has its id only after the save.</summary>
    private static Pending Collect(AlmanacDbContext db)
    {
        // SaveChanges detects changes too, but after this point; a caller who turned detection off keeps it off.
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var work = new Pending();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Story story:
                    work.Stories.Add(story);
                    break;
                case StoryTopic or StoryCategory:
                    work.Joins.Add(entry.Entity);
                    break;
                case Topic topic when entry.State != EntityState.Added:
                    work.TopicIds.Add(topic.Id);
                    break;
                case Category category when entry.State != EntityState.Added:
                    work.CategoryIds.Add(category.Id);
                    break;
            }
        }

        return work;
    }

    // A renamed or deleted tag changes the text of every story that carries it; read them before the save removes the rows.
    private static Pending TagStoryIds(AlmanacDbContext db, Pending work)
    {
        if (work.TopicIds.Count > 0)
        {
            work.TaggedStoryIds.AddRange(db.StoryTopics.AsNoTracking().Where(j => work.TopicIds.Contains(j.TopicId)).Select(j => j.StoryId).ToList());
        }

        if (work.CategoryIds.Count > 0)
        {
            work.TaggedStoryIds.AddRange(db.StoryCategories.AsNoTracking().Where(j => work.CategoryIds.Contains(j.CategoryId)).Select(j => j.StoryId).ToList());
        }

        return work;
    }

    private void Note(DbContext db, Pending work)
    {
        pending.Remove(db);
        if (!work.IsEmpty)
        {
            pending.Add(db, work);
        }
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

    private sealed class Pending
    {
        public List<Story> Stories { get; } = [];

        public List<object> Joins { get; } = [];

        public List<int> TopicIds { get; } = [];

        public List<int> CategoryIds { get; } = [];

        public List<int> TaggedStoryIds { get; } = [];

        public bool IsEmpty => Stories.Count == 0 && Joins.Count == 0 && TaggedStoryIds.Count == 0;

        public int[] StoryIds() =>
        [
            .. Stories.Select(s => s.Id),
            .. Joins.Select(j => j is StoryTopic t ? t.StoryId : ((StoryCategory)j).StoryId),
            .. TaggedStoryIds,
        ];
    }
}
