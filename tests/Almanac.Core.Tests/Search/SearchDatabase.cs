using Almanac.Core.Data;
using Almanac.Core.Sample;
using Almanac.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Tests.Search;

/// <summary>A throw-away SQLite file with the schema, the search index and (optionally) the sample stories.</summary>
public sealed class SearchDatabase : IAsyncDisposable
{
    public static readonly DateTime Now = new(2024, 8, 4, 9, 0, 0, DateTimeKind.Utc);

    private readonly string path = Path.Combine(Path.GetTempPath(), $"almanac-search-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={path}";

    /// <summary>A context as the site builds it: with the interceptor that keeps the index current.</summary>
    public SqliteAlmanacDbContext Open(bool withIndexing = true)
    {
        var options = new DbContextOptionsBuilder<SqliteAlmanacDbContext>().UseSqlite(ConnectionString);
        if (withIndexing)
        {
            options.AddInterceptors(StorySearchIndexing.Instance);
        }

        return new SqliteAlmanacDbContext(options.Options);
    }

    public static async Task<SearchDatabase> WithSamplesAsync()
    {
        var database = new SearchDatabase();
        await using var db = database.Open();
        await AlmanacDatabase.MigrateAsync(db);
        await SampleContent.LoadAsync(db, Now);
        return database;
    }

    public async Task<SearchResults> SearchAsync(SearchQuery query)
    {
        await using var db = Open();
        return await StorySearch.For(db).SearchAsync(query, Now);
    }

    public async Task<List<string>> TitlesAsync(string text) =>
        [.. (await SearchAsync(new SearchQuery(text))).Hits.Select(h => h.Story.Title)];

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>One sample database shared by the read-only tests of a class.</summary>
public sealed class SampleSearchFixture : IAsyncLifetime
{
    public SearchDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await SearchDatabase.WithSamplesAsync();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
