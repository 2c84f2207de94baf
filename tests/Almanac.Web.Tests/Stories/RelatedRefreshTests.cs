using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Stories;

/// <summary>Stored related stories follow edits: saving through EF refreshes the lists it may change.</summary>
public class RelatedRefreshTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnpublishingARelatedStory_RefillsTheListsThatShowedIt()
    {
        var mexico = await IdAsync(Samples.MexicoUssr);
        var before = await RelatedAsync(mexico);
        Assert.Equal(RelatedStories.Count, before.Count);

        await using (var scope = app.OpenDb())
        {
            var story = await scope.Db.Stories.SingleAsync(s => s.Id == before[0], Ct);
            story.Status = StoryStatus.Draft;
            await scope.Db.SaveChangesAsync(Ct);
        }

        var after = await RelatedAsync(mexico);
        Assert.DoesNotContain(before[0], after);
        Assert.Equal(RelatedStories.Count, after.Count);
        Assert.Empty(await RelatedAsync(before[0]));
        await AssertAllListsAreFreshAsync();
    }

    [Fact]
    public async Task TaggingAStory_MakesItRelatedToTheTopicsStories_AndDeletingItRemovesIt()
    {
        int newcomer;
        await using (var scope = app.OpenDb())
        {
            var story = new Story
            {
                Slug = "1926-relations-test-story",
                Title = "A Mexican and Soviet Test Story",
                Date = Core.Calendar.HistoricalDate.InYear(1926),
                Summary = "Álvaro Obregón, Leon Trotsky and the Soviet legation in Mexico City.",
                Status = StoryStatus.Published,
                CreatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
                PublishedAtUtc = app.Time.GetUtcNow().UtcDateTime,
                UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
                Topics = [.. await scope.Db.Topics.Where(t => t.Slug == "mexico" || t.Slug == "soviet-union" || t.Slug == "leon-trotsky").ToListAsync(Ct)],
            };
            story.SetBody("Obregón's Mexico and the Soviet Union exchanged envoys; Trotsky later found exile there.");
            scope.Db.Stories.Add(story);
            await scope.Db.SaveChangesAsync(Ct);
            newcomer = story.Id;
        }

        var mexico = await IdAsync(Samples.MexicoUssr);
        Assert.Contains(newcomer, await RelatedAsync(mexico));
        Assert.Contains(mexico, await RelatedAsync(newcomer));
        await AssertAllListsAreFreshAsync();

        await using (var scope = app.OpenDb())
        {
            scope.Db.Stories.Remove(await scope.Db.Stories.SingleAsync(s => s.Id == newcomer, Ct));
            await scope.Db.SaveChangesAsync(Ct);
        }

        Assert.Equal(RelatedStories.Count, (await RelatedAsync(mexico)).Count);
        Assert.DoesNotContain(newcomer, await RelatedAsync(mexico));
        await AssertAllListsAreFreshAsync();
    }

    // After any refresh, every stored list must equal what a full recomputation gives.
    private async Task AssertAllListsAreFreshAsync()
    {
        await using var scope = app.OpenDb();
        var stored = (await scope.Db.StoryRelations.AsNoTracking().ToListAsync(Ct))
            .GroupBy(r => r.StoryId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Rank).Select(r => (r.RelatedStoryId, r.Score)).ToList());
        await RelatedStories.RecomputeAllAsync(scope.Db, Ct);
        var fresh = (await scope.Db.StoryRelations.AsNoTracking().ToListAsync(Ct))
            .GroupBy(r => r.StoryId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Rank).Select(r => (r.RelatedStoryId, r.Score)).ToList());
        Assert.Equal(fresh.Keys.Order(), stored.Keys.Order());
        Assert.All(fresh, kv => Assert.Equal(kv.Value.Select(r => r.RelatedStoryId), stored[kv.Key].Select(r => r.RelatedStoryId)));
    }

    private async Task<int> IdAsync(string slug)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.Stories.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync(Ct);
    }

    private async Task<List<int>> RelatedAsync(int storyId)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.StoryRelations.Where(r => r.StoryId == storyId).OrderBy(r => r.Rank).Select(r => r.RelatedStoryId).ToListAsync(Ct);
    }
}
