using System.Text.Json;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Sample;

/// <summary>
/// The sample stories shipped with Almanac, loaded into a new site. Loading is keyed on slugs, so
/// running it again adds nothing twice and never overwrites an editor's change.
/// </summary>
public static class SampleContent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<SampleStory> Read()
    {
        var assembly = typeof(SampleContent).Assembly;
        var stories = new List<SampleStory>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Almanac.Sample.stories-", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            stories.AddRange(JsonSerializer.Deserialize<List<SampleStory>>(stream, Json)
                ?? throw new InvalidDataException($"{name} holds no stories."));
        }

        return stories;
    }

    /// <summary>What the sample site says about its topics (Sample/topics.json), by name.</summary>
    public static IReadOnlyDictionary<string, SampleTopic> ReadTopics()
    {
        using var stream = typeof(SampleContent).Assembly.GetManifestResourceStream("Almanac.Sample.topics.json")!;
        var topics = JsonSerializer.Deserialize<List<SampleTopic>>(stream, Json) ?? throw new InvalidDataException("topics.json holds no topics.");
        return topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <returns>The number of stories added.</returns>
    public static async Task<int> LoadAsync(AlmanacDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        var samples = Read();
        var sampleTopics = ReadTopics();
        var existingSlugs = (await db.Stories.Select(s => s.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, ct);
        var topics = await db.Topics.ToDictionaryAsync(t => t.Slug, ct);
        var featuredDays = (await db.StoryFeatures.Select(f => new { f.Month, f.Day }).ToListAsync(ct))
            .Select(f => new CalendarDay(f.Month, f.Day)).ToHashSet();

        int added = 0;
        foreach (var sample in samples)
        {
            if (!HistoricalDateParser.TryParse(sample.Date, out var date, out var error))
            {
                throw new InvalidDataException($"Sample story \"{sample.Title}\": {error}");
            }

            if (!StoryKinds.TryParse(sample.Kind, out var kind))
            {
                throw new InvalidDataException($"Sample story \"{sample.Title}\": unknown kind \"{sample.Kind}\".");
            }

            var slug = Slugs.ForStory(date.Year, sample.Title);
            if (!existingSlugs.Add(slug))
            {
                continue;
            }

            var story = new Story
            {
                Slug = slug,
                Title = sample.Title,
                Kind = kind,
                Date = date,
                Summary = sample.Summary,
                Highlights = [.. sample.Highlights],
                Status = StoryStatus.Published,
                AuthorName = "Almanac",
                CreatedAtUtc = nowUtc,
                PublishedAtUtc = nowUtc,
                UpdatedAtUtc = nowUtc,
                Sources = [.. sample.Sources.Select((s, i) => new Source { Title = s.Title, Url = s.Url, Position = i })],
                Categories = [.. sample.Categories.Select(name => Find(categories, name, n => new Category { Slug = Slugs.From(n), Name = n }))],
                Topics = [.. sample.Topics.Select(name => Find(topics, name, n => NewTopic(n, sampleTopics)))],
            };
            story.SetBody(sample.Body);
            if (sample.Featured && date.Placement is { } day && featuredDays.Add(day))
            {
                story.Features.Add(new StoryFeature { Month = day.Month, Day = day.Day });
            }

            db.Stories.Add(story);
            added++;
        }

        // Related stories are ranked once for all, after the save, instead of after it as well.
        using (RelatedStoriesRefresh.Suspend(db))
        {
            await db.SaveChangesAsync(ct);
        }

        if (added > 0)
        {
            await RelatedStories.RecomputeAllAsync(db, ct);
        }

        return added;
    }

    /// <summary>A new topic with its kind, description and life dates from topics.json; a bare theme if it is not there.</summary>
    internal static Topic NewTopic(string name, IReadOnlyDictionary<string, SampleTopic> known)
    {
        var topic = new Topic { Slug = Slugs.From(name), Name = name };
        if (!known.TryGetValue(name, out var sample))
        {
            return topic;
        }

        if (!TopicKinds.TryParse(sample.Kind, out var kind))
        {
            throw new InvalidDataException($"Sample topic \"{name}\": unknown kind \"{sample.Kind}\".");
        }

        topic.Kind = kind;
        topic.Description = sample.Description ?? "";
        topic.Born = LifeDate(name, sample.Born);
        topic.Died = LifeDate(name, sample.Died);
        return topic;
    }

    private static HistoricalDate? LifeDate(string name, string? text) =>
        text is null ? null
        : HistoricalDateParser.TryParse(text, out var date, out var error) ? date
        : throw new InvalidDataException($"Sample topic \"{name}\": {error}");

    private static T Find<T>(Dictionary<string, T> known, string name, Func<string, T> create)
    {
        var slug = Slugs.From(name);
        if (!known.TryGetValue(slug, out var item))
        {
            item = create(name);
            known[slug] = item;
        }

        return item;
    }
}
