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
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Almanac.Sample.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            stories.AddRange(JsonSerializer.Deserialize<List<SampleStory>>(stream, Json)
                ?? throw new InvalidDataException($"{name} holds no stories."));
        }

        return stories;
    }

    /// <returns>The number of stories added.</returns>
    public static async Task<int> LoadAsync(AlmanacDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        var samples = Read();
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
                Topics = [.. sample.Topics.Select(name => Find(topics, name, n => new Topic { Slug = Slugs.From(n), Name = n }))],
            };
            story.SetBody(sample.Body);
            if (sample.Featured && date.Placement is { } day && featuredDays.Add(day))
            {
                story.Features.Add(new StoryFeature { Month = day.Month, Day = day.Day });
            }

            db.Stories.Add(story);
            added++;
        }

        await db.SaveChangesAsync(ct);
        if (added > 0)
        {
            await RelatedStories.RecomputeAllAsync(db, nowUtc, ct);
        }

        return added;
    }

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
