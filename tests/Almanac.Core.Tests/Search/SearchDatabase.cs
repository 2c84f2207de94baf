using Almanac.Core.Data;
using Almanac.Core.Sample;
using Almanac.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Tests.Search;

/// <summary>
/// A throw-away SQLite file with the schema, the search index and (optionally) the sample stories;
/// for the relevance tests, a PostgreSQL database instead when <c>ALMANAC_TEST_POSTGRES</c> names a
/// server (test.sh's second run), so the same expectations hold on both.
/// </summary>
public sealed class SearchDatabase : IAsyncDisposable
{
    public static readonly DateTime Now = new(2024, 8, 4, 9, 0, 0, DateTimeKind.Utc);

    private readonly string path = Path.Combine(Path.GetTempPath(), $"almanac-search-{Guid.NewGuid():N}.db");

    private string? postgres;

    public string ConnectionString => $"Data Source={path}";

    private static string? PostgresServer => Environment.GetEnvironmentVariable("ALMANAC_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    /// <summary>A SQLite context as the site builds it: with the interceptor that keeps the index current.</summary>
    public SqliteAlmanacDbContext Open(bool withIndexing = true)
    {
        var options = new DbContextOptionsBuilder<SqliteAlmanacDbContext>().UseSqlite(ConnectionString);
        if (withIndexing)
        {
            options.AddInterceptors(StorySearchIndexing.Instance);
        }

        return new SqliteAlmanacDbContext(options.Options);
    }

    /// <summary>A context on PostgreSQL when the run asks for it, else on SQLite.</summary>
    public AlmanacDbContext OpenAny() =>
        postgres is null
            ? Open()
            : new PostgresAlmanacDbContext(new DbContextOptionsBuilder<PostgresAlmanacDbContext>()
                .UseNpgsql(postgres).AddInterceptors(StorySearchIndexing.Instance).Options);

    /// <summary>The sample stories on the run's database: PostgreSQL when asked for, else SQLite.</summary>
    public static async Task<SearchDatabase> WithSamplesOnAnyAsync()
    {
        var database = new SearchDatabase();
        if (PostgresServer is { } server)
        {
            var name = $"almanac_search_{Guid.NewGuid():N}";
            await using (var connection = new Npgsql.NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            database.postgres = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }

        await using var db = database.OpenAny();
        await AlmanacDatabase.MigrateAsync(db);
        await SampleContent.LoadAsync(db, Now);
        return database;
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
        await using var db = OpenAny();
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

    public async ValueTask InitializeAsync() => Database = await SearchDatabase.WithSamplesOnAnyAsync();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
