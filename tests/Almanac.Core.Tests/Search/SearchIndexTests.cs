using Almanac.Core.Data;
using Almanac.Core.Sample;
using Almanac.Core.Search;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Almanac.Core.Tests.Search;

/// <summary>The index follows every save: edits, topic changes, unpublishing, deletion.</summary>
public class SearchIndexTests
{
    private const string Mexico = "1924-diplomatic-relations-established-between-mexico-and-the-ussr";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATitleEdit_IsFoundByItsNewWordAndNotItsOldOne()
    {
        await using var database = await SearchDatabase.WithSamplesAsync();
        await RetitleAsync(database, "Mexico and the Soviet Union Exchange Zapotec Envoys");
        Assert.Equal(Mexico, (await database.SearchAsync(new SearchQuery("zapotec"))).Hits.Single().Story.Slug);

        await RetitleAsync(database, "Mexico and the Soviet Union Exchange Mixtec Envoys");

        Assert.Equal(Mexico, (await database.SearchAsync(new SearchQuery("mixtec"))).Hits.Single().Story.Slug);
        Assert.Empty((await database.SearchAsync(new SearchQuery("zapotec"))).Hits);
    }

    [Fact]
    public async Task ABodyEdit_IsIndexedAsPlainText()
    {
        await using var database = await SearchDatabase.WithSamplesAsync();
        await using (var db = database.Open())
        {
            var story = await db.Stories.SingleAsync(s => s.Slug == Mexico, Ct);
            story.SetBody("A [quetzal](https://example.org/hiddenlinktarget) flew **over** the embassy.");
            await db.SaveChangesAsync(Ct);
        }

        var hit = (await database.SearchAsync(new SearchQuery("quetzal"))).Hits.Single();
        Assert.Contains("<mark>quetzal</mark> flew over the embassy", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.Empty((await database.SearchAsync(new SearchQuery("hiddenlinktarget"))).Hits);
    }

    [Fact]
    public async Task TopicChanges_AreIndexed()
    {
        await using var database = await SearchDatabase.WithSamplesAsync();
        await using (var db = database.Open())
        {
            var story = await db.Stories.Include(s => s.Topics).SingleAsync(s => s.Slug == Mexico, Ct);
            story.Topics.Add(new Topic { Slug = "plutarco-elias-calles", Name = "Plutarco Elías Calles" });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(Mexico, (await database.SearchAsync(new SearchQuery("plutarco elias"))).Hits.Single().Story.Slug);

        await using (var db = database.Open())
        {
            var story = await db.Stories.Include(s => s.Topics).SingleAsync(s => s.Slug == Mexico, Ct);
            story.Topics.RemoveAll(t => t.Slug == "plutarco-elias-calles");
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty((await database.SearchAsync(new SearchQuery("plutarco"))).Hits);

        // Renaming a topic reindexes every story that carries it.
        await using (var db = database.Open())
        {
            var topic = await db.Topics.SingleAsync(t => t.Slug == "soviet-union", Ct);
            topic.Name = "Zorbian Federation";
            await db.SaveChangesAsync(Ct);
        }

        var zorbian = (await database.SearchAsync(new SearchQuery("zorbian", PerPage: 100))).Hits.Select(h => h.Story.Slug).ToList();
        Assert.Contains(Mexico, zorbian);
        Assert.True(zorbian.Count > 5);
    }

    [Fact]
    public async Task Unpublishing_HidesTheStoryAndRepublishingShowsItAgain()
    {
        await using var database = await SearchDatabase.WithSamplesAsync();
        await SetStatusAsync(database, StoryStatus.Unpublished);
        Assert.Empty((await database.SearchAsync(new SearchQuery("obregon"))).Hits);

        await SetStatusAsync(database, StoryStatus.Published);
        Assert.Single((await database.SearchAsync(new SearchQuery("obregon"))).Hits);
    }

    [Fact]
    public async Task AStoryScheduledForLater_IsNotFoundYet()
    {
        await using var database = await SearchDatabase.WithSamplesAsync();
        await using (var db = database.Open())
        {
            var story = await db.Stories.SingleAsync(s => s.Slug == Mexico, Ct);
            story.PublishedAtUtc = SearchDatabase.Now.AddDays(1);
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty((await database.SearchAsync(new SearchQuery("obregon"))).Hits);
    }

    [Fact]
    public async Task Deleting_RemovesTheStoryFromTheIndex()
    {
        await using var database = await SearchDatabase.WithSamplesAsync();
        int id;
        await using (var db = database.Open())
        {
            var story = await db.Stories.SingleAsync(s => s.Slug == Mexico, Ct);
            id = story.Id;
            db.Stories.Remove(story);
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty((await database.SearchAsync(new SearchQuery("obregon"))).Hits);
        await using var check = database.Open();
        Assert.Equal(0, await check.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM StorySearch WHERE rowid = {id}").SingleAsync(Ct));
    }

    [Fact]
    public async Task TheIndex_HoldsOneRowPerStory()
    {
        await using var database = await SearchDatabase.WithSamplesAsync();
        await using var db = database.Open();

        int stories = await db.Stories.CountAsync(Ct);
        int rows = await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM StorySearch").SingleAsync(Ct);

        Assert.Equal(stories, rows);
        Assert.Equal(stories, await StorySearch.For(db).RebuildAsync(Ct));
        Assert.Equal(stories, await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM StorySearch").SingleAsync(Ct));
    }

    [Fact]
    public async Task TheMigration_IndexesStoriesThatAlreadyExist()
    {
        var database = new SearchDatabase();
        await using (database)
        {
            // A site from before search: stories saved without the index, then the schema taken back to
            // the first migration (the current model cannot load samples into the first schema itself).
            await using (var db = database.Open(withIndexing: false))
            {
                await AlmanacDatabase.MigrateAsync(db, Ct);
                await SampleContent.LoadAsync(db, SearchDatabase.Now, Ct);
                await db.GetService<IMigrator>().MigrateAsync("20261127194220_Initial", Ct);
            }

            await using (var db = database.Open())
            {
                await AlmanacDatabase.MigrateAsync(db, Ct);
            }

            Assert.Equal(Mexico, (await database.SearchAsync(new SearchQuery("alvaro obregon"))).Hits[0].Story.Slug);
            Assert.Equal("Julius Caesar Is Assassinated in the Senate", (await database.TitlesAsync("44 BC"))[0]);
            Assert.NotEmpty(await database.TitlesAsync("\"4 august 1924\""));
        }
    }

    private static async Task RetitleAsync(SearchDatabase database, string title)
    {
        await using var db = database.Open();
        var story = await db.Stories.SingleAsync(s => s.Slug == Mexico, Ct);
        story.Title = title;
        await db.SaveChangesAsync(Ct);
    }

    private static async Task SetStatusAsync(SearchDatabase database, StoryStatus status)
    {
        await using var db = database.Open();
        var story = await db.Stories.SingleAsync(s => s.Slug == Mexico, Ct);
        story.Status = status;
        await db.SaveChangesAsync(Ct);
    }
}
