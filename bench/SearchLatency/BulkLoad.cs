using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Almanac.Core.Data;
using Almanac.Core.Sample;
using Almanac.Core.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Bench.SearchLatency;

/// <summary>
/// Builds a search benchmark database fast: the schema from the migrations, the stories of
/// <see cref="StoryGenerator"/> (the same ones <c>almanac generate</c> writes for a seed) and their
/// search documents (<see cref="SearchDocument.From"/>, the text the site indexes), written with
/// prepared statements in large transactions instead of through EF Core and the save interceptors.
/// Related stories are not ranked: search does not read them.
/// </summary>
internal static class BulkLoad
{
    private const int Transaction = 20_000;

    private const int Chunk = 2_000;

    public static async Task<int> RunAsync(string path, int count, int seed)
    {
        var now = DateTime.UtcNow;
        var generator = new StoryGenerator(seed);
        var options = new DbContextOptionsBuilder<SqliteAlmanacDbContext>().UseSqlite($"Data Source={path}").Options;
        Dictionary<string, (int Id, string Name)> categories, topics;
        await using (var db = new SqliteAlmanacDbContext(options))
        {
            await AlmanacDatabase.MigrateAsync(db);
            db.Categories.AddRange(generator.Categories);
            db.Topics.AddRange(generator.Topics);
            await db.SaveChangesAsync();
            categories = generator.Categories.ToDictionary(c => c.Slug, c => (c.Id, c.Name));
            topics = generator.Topics.ToDictionary(t => t.Slug, t => (t.Id, t.Name));
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        var story = Prepare(connection, """
            INSERT INTO Stories (Id, Slug, Title, Kind, Year, Month, Day, Precision, Calendar, Circa, PlacementMonth, PlacementDay,
                PlacementOverridden, Summary, Highlights, Status, AuthorName, CreatedAtUtc, PublishedAtUtc, UpdatedAtUtc, CommentsClosed)
            VALUES ($id, $slug, $title, $kind, $year, $month, $day, $precision, $calendar, $circa, $pm, $pd, 0, $summary, $highlights,
                $status, $author, $now, $now, $now, 0)
            """, "$id", "$slug", "$title", "$kind", "$year", "$month", "$day", "$precision", "$calendar", "$circa", "$pm", "$pd",
            "$summary", "$highlights", "$status", "$author", "$now");
        var body = Prepare(connection, "INSERT INTO StoryBodies (StoryId, Body, BodyHtml) VALUES ($id, $body, $html)", "$id", "$body", "$html");
        var category = Prepare(connection, "INSERT INTO StoryCategories (StoryId, CategoryId) VALUES ($id, $tag)", "$id", "$tag");
        var topic = Prepare(connection, "INSERT INTO StoryTopics (StoryId, TopicId) VALUES ($id, $tag)", "$id", "$tag");
        var source = Prepare(connection, "INSERT INTO Sources (StoryId, Position, Title, Url) VALUES ($id, $position, $title, $url)", "$id", "$position", "$title", "$url");
        var search = Prepare(connection, """
            INSERT INTO StorySearch (rowid, title, date, summary, highlights, body, tags)
            VALUES ($id, $title, $date, $summary, $highlights, $body, $tags)
            """, "$id", "$title", "$date", "$summary", "$highlights", "$body", "$tags");
        string stamp = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        SqliteTransaction? transaction = null;
        for (int first = 1; first <= count; first += Chunk)
        {
            if ((first - 1) % Transaction == 0)
            {
                transaction?.Commit();
                transaction = connection.BeginTransaction();
                foreach (var command in new[] { story, body, category, topic, source, search })
                {
                    command.Transaction = transaction;
                }

                if (first > 1)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{first - 1:N0} stories, {(first - 1) / clock.Elapsed.TotalSeconds:N0}/s"));
                }
            }

            // Drawn in order (the random sequence is the seed's), rendered on every core, written in order.
            var chunk = Enumerable.Range(first, Math.Min(Chunk, count - first + 1)).Select(n => (N: n, Story: generator.Next(n, now, renderBody: false))).ToList();
            Parallel.ForEach(chunk, c => c.Story.SetBody(c.Story.Body));
            foreach (var (n, s) in chunk)
            {
                Write(n, s);
            }
        }

        void Write(int n, Almanac.Core.Stories.Story s)
        {
            Run(story, n, s.Slug, s.Title, s.Kind.ToString(), s.Year, s.Month, s.Day, s.Precision.ToString(), s.Calendar.ToString(), s.Circa ? 1 : 0,
                s.PlacementMonth, s.PlacementDay, s.Summary, JsonSerializer.Serialize(s.Highlights), s.Status.ToString(), s.AuthorName, stamp);
            Run(body, n, s.Body, s.BodyHtml);
            foreach (var c in s.Categories)
            {
                Run(category, n, categories[c.Slug].Id);
            }

            foreach (var t in s.Topics)
            {
                Run(topic, n, topics[t.Slug].Id);
            }

            foreach (var src in s.Sources)
            {
                Run(source, n, src.Position, src.Title, src.Url);
            }

            var d = SearchDocument.From(n, s.Title, s.Date, s.Summary, s.Highlights, s.Body,
                s.Topics.Select(t => topics[t.Slug].Name).Concat(s.Categories.Select(c => categories[c.Slug].Name)));
            Run(search, n, d.Title, d.Date, d.Summary, d.Highlights, d.Body, d.Tags);
        }

        transaction?.Commit();
        // No ANALYZE: the site never runs it, and statistics would change the plans measured.
        Execute(connection, "INSERT INTO StorySearch(StorySearch) VALUES ('optimize');");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} stories in {clock.Elapsed.TotalSeconds:N0} s"));
        return 0;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
