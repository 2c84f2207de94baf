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

    private readonly Random random = new(seed);

    public IReadOnlyList<Category> Categories { get; } =
        [.. CategoryNames.Select(n => new Category { Slug = Slugs.From(n), Name = n })];

    public IReadOnlyList<Topic> Topics { get; } =
        [.. Enumerable.Range(1, TopicPoolSize).Select(i => new Topic { Slug = $"generated-topic-{i}", Name = $"Generated topic {i}" })];

    /// <summary>The story with the given number; numbers are stable for a seed, so runs can resume.</summary>
    public Story Next(int number, DateTime nowUtc)
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
        var title = $"The {Cap(Pick())} of {Cap(Pick())} and the {Cap(Pick())}";
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
        story.SetBody(string.Join("\n\n", Enumerable.Range(0, 5).Select(_ => $"*Generated text.* {Sentence(25)} {Sentence(30)} {Sentence(20)}")));
        return story;
    }

    private string Pick() => Words[random.Next(Words.Length)];

    private static string Cap(string w) => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..];

    private string Sentence(int words)
    {
        var sb = new StringBuilder(Cap(Pick()));
        for (int i = 1; i < words; i++)
        {
            sb.Append(' ').Append(Pick());
        }

        return sb.Append('.').ToString();
    }
}
