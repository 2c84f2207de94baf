using System.Globalization;
using System.Text;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Core.Topics;

namespace Almanac.Core.Sample;

/// <summary>
/// Synthetic stories for benchmarks and load tests: the same seed always gives the same stories,
/// spread over every calendar day, all kinds, ten categories and a pool of topics, with bodies of
/// realistic length. The text is filler and says so.
/// </summary>
public sealed class StoryGenerator(int seed)
{
    private static readonly string[] Words =
    [
        "treaty", "river", "harbour", "council", "expedition", "assembly", "charter", "bridge", "observatory", "railway",
        "province", "envoy", "frontier", "archive", "cathedral", "printing", "parliament", "colony", "voyage", "telegraph",
        "senate", "fortress", "market", "guild", "academy", "reform", "uprising", "dynasty", "embassy", "canal",
        "mission", "harvest", "festival", "library", "university", "armistice", "compass", "lighthouse", "monastery", "republic",
    ];

    private static readonly string[] CategoryNames =
    [
        "Politics & Government", "War & Conflict", "Science & Technology", "Exploration", "Arts & Culture",
        "Religion & Belief", "Sports", "Disasters", "Society", "Economy & Trade",
    ];

    public const int TopicPoolSize = 2000;

    /// <summary>How many invented place and person names the stories draw on.</summary>
    public const int NamePoolSize = 50_000;

    private static readonly string[] Syllables =
    [
        "ka", "ro", "vel", "mar", "ost", "ri", "da", "len", "tho", "bre", "sal", "im", "ur", "qui", "fen", "go",
        "nar", "pe", "lis", "dun", "ha", "zor", "ae", "mon", "tu", "wy", "cer", "and", "ol", "bri", "sek", "ny",
    ];

    // Names follow a long tail, as in real history writing: a few appear in thousands of stories, most in a handful.
    private static readonly Lazy<string[]> Names = new(() =>
    {
        var names = new Random(20_241_104);
        var pool = new HashSet<string>(StringComparer.Ordinal);
        while (pool.Count < NamePoolSize)
        {
            var sb = new StringBuilder();
            int parts = 2 + names.Next(3);
            for (int i = 0; i < parts; i++)
            {
                sb.Append(Syllables[names.Next(Syllables.Length)]);
            }

            pool.Add(Cap(sb.ToString()));
        }

        return [.. pool];
    });

    private readonly Random random = new(seed);

    public IReadOnlyList<Category> Categories { get; } =
        [.. CategoryNames.Select(n => new Category { Slug = Slugs.From(n), Name = n })];

    public IReadOnlyList<Topic> Topics { get; } =
        [.. Enumerable.Range(1, TopicPoolSize).Select(i => new Topic { Slug = $"generated-topic-{i}", Name = $"Generated topic {i}" })];

    /// <summary>
    /// The story with the given number; numbers are stable for a seed, so runs can resume. Without
    /// <paramref name="renderBody"/> only the Markdown body is set and the caller calls
    /// <see cref="Story.SetBody"/> (rendering is most of the cost; bulk loaders do it in parallel).
    /// </summary>
    public Story Next(int number, DateTime nowUtc, bool renderBody = true)
    {
        var day = CalendarDay.FromDayOfLeapYear(random.Next(366));
        int year = random.Next(-800, 2021);
        if (day.IsLeapDay)
        {
            while (!CalendarMath.IsLeapYear(year, CalendarSystem.Gregorian))
            {
                year++;
            }
        }

        var date = random.Next(20) == 0 ? HistoricalDate.InYear(year) : HistoricalDate.OnDay(year, day.Month, day.Day);
        var kind = StoryKinds.All[random.Next(10) switch { < 6 => 0, < 8 => 1, < 9 => 2, _ => 3 }];
        var title = $"The {Cap(Pick())} of {PickName()} and the {Cap(Pick())}";
        var story = new Story
        {
            Slug = $"g{seed}-{number}-{Slugs.From(title)}",
            Title = title,
            Kind = kind,
            Date = date,
            Summary = Sentence(30),
            Highlights = [Sentence(8), Sentence(9)],
            Status = StoryStatus.Published,
            AuthorName = "Generator",
            CreatedAtUtc = nowUtc,
            PublishedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            Categories = [Categories[random.Next(Categories.Count)]],
            Topics = [.. Enumerable.Range(0, 3).Select(_ => Topics[random.Next(Topics.Count)]).Distinct()],
            Sources = [new Source { Title = "Generated source", Url = $"https://example.org/source/{number}", Position = 0 }],
        };
        var body = string.Join("\n\n", Enumerable.Range(0, 5).Select(_ => $"*Generated text.* {Sentence(25)} {Sentence(30)} {Sentence(20)}"));
        if (renderBody)
        {
            story.SetBody(body);
        }
        else
        {
            story.Body = body;
        }

        return story;
    }

    private string Pick() => Words[random.Next(Words.Length)];

    /// <summary>The invented name of the given popularity rank (0 is the most frequent).</summary>
    public static string Name(int rank) => Names.Value[rank];

    // A Zipf-like draw: the name at rank r is picked about 1/r as often as the first.
    private string PickName() => Names.Value[(int)Math.Min(NamePoolSize - 1, Math.Floor(Math.Pow(NamePoolSize, random.NextDouble())) - 1)];

    private static string Cap(string w) => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..];

    private string Sentence(int words)
    {
        var sb = new StringBuilder(Cap(Pick()));
        for (int i = 1; i < words; i++)
        {
            sb.Append(' ').Append(random.Next(8) == 0 ? PickName() : Pick());
        }

        return sb.Append('.').ToString();
    }
}
