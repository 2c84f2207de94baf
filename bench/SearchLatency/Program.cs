using System.Diagnostics;
using System.Globalization;
using Almanac.Core.Data;
using Almanac.Core.Sample;
using Almanac.Core.Search;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

// Search latency on a generated database: each query type run in a timed loop after a warm-up, with a
// trivial indexed lookup (a story by its unique slug) measured in the same run as the yardstick.
// Usage: SearchLatency <sqlite-file> [iterations]        times the queries
//        SearchLatency build <sqlite-file> <stories> <seed>  builds the database (see BulkLoad)
// bench/search.sh does both.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SearchLatency <sqlite-file> [iterations] | SearchLatency build <sqlite-file> <stories> <seed>");
    return 2;
}

if (args[0] == "build")
{
    return await Almanac.Bench.SearchLatency.BulkLoad.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
}

int iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var builder = new DbContextOptionsBuilder<SqliteAlmanacDbContext>().UseSqlite($"Data Source={args[0]};Mode=ReadOnly");
if (Environment.GetEnvironmentVariable("SEARCH_SQL") == "1")
{
    // Prints every statement with its time, to read the plans behind a figure.
    builder.LogTo(Console.Error.WriteLine, [DbLoggerCategory.Database.Command.Name], Microsoft.Extensions.Logging.LogLevel.Information);
}

var options = builder.Options;
var now = DateTime.UtcNow;
await using var db = new SqliteAlmanacDbContext(options);
int total = await db.Stories.CountAsync();
var slugs = await db.Stories.AsNoTracking().OrderBy(s => s.Id).Where(s => s.Id % 97 == 0).Select(s => s.Slug).Take(500).ToListAsync();
var search = StorySearch.For(db);
var random = new Random(1);

// The generator writes from a 40-word vocabulary, so every such word is in most stories: the broadest
// queries a reader can type. Its invented names follow a long tail, like the names real readers look for.
var cases = new (string Name, Func<Task> Run)[]
{
    ("indexed lookup (baseline)", async () =>
    {
        var slug = slugs[random.Next(slugs.Count)];
        await db.Stories.AsNoTracking().Where(s => s.Slug == slug).Select(s => s.Id).FirstAsync();
    }),
    ("one word", () => search.SearchAsync(new SearchQuery("treaty"), now)),
    ("two words", () => search.SearchAsync(new SearchQuery("harbour treaty"), now)),
    ("prefix (as you type)", () => search.SearchAsync(new SearchQuery("cathe"), now)),
    ("phrase", () => search.SearchAsync(new SearchQuery("\"printing guild\""), now)),
    ("word + kind + BC range", () => search.SearchAsync(new SearchQuery("railway", StoryKind.Birth, FromYear: -499, ToYear: 0), now)),
    ("word, page 5", () => search.SearchAsync(new SearchQuery("council", Page: 5), now)),
    ($"frequent name `{StoryGenerator.Name(0).ToLowerInvariant()}`", () => search.SearchAsync(new SearchQuery(StoryGenerator.Name(0)), now)),
    ($"mid name `{StoryGenerator.Name(1_000).ToLowerInvariant()}`", () => search.SearchAsync(new SearchQuery(StoryGenerator.Name(1_000)), now)),
    ($"rare name `{StoryGenerator.Name(20_000).ToLowerInvariant()}`", () => search.SearchAsync(new SearchQuery(StoryGenerator.Name(20_000)), now)),
    ($"name + word `{StoryGenerator.Name(50).ToLowerInvariant()} treaty`", () => search.SearchAsync(new SearchQuery(StoryGenerator.Name(50) + " treaty"), now)),
    ("no results", () => search.SearchAsync(new SearchQuery("zyxwvut"), now)),
};

Console.WriteLine($"stories: {total}, iterations per query: {iterations} after {iterations / 10} warm-up runs");
Console.WriteLine();
Console.WriteLine("| query | median ms | p95 ms | median vs baseline |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
double baseline = 0;
foreach (var (name, run) in cases)
{
    for (int i = 0; i < iterations / 10; i++)
    {
        await run();
    }

    var times = new double[iterations];
    for (int i = 0; i < iterations; i++)
    {
        long start = Stopwatch.GetTimestamp();
        await run();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(times);
    double median = times[iterations / 2];
    double p95 = times[(int)Math.Ceiling(iterations * 0.95) - 1];
    if (baseline == 0)
    {
        baseline = median;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:0.000} | {p95:0.000} | {median / baseline:0.0}× |"));
}

return 0;
