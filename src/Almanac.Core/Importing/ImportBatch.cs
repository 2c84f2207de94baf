using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Redirects;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Importing;

/// <summary>
/// Writes one batch of entries in one context: looks up the batch's import keys, slugs, tags, images,
/// featured days and redirects with one query each, then adds or (with <c>--update</c>) changes what
/// the keys allow. The caller owns the transaction.
/// </summary>
internal sealed class ImportBatch(AlmanacDbContext db, string source, ImportOptions options, BatchCounts counts,
    HashSet<string>? dryRunKeys, DateTime nowUtc)
{
    private static readonly JsonSerializerOptions FingerprintJson = new() { WriteIndented = false };

    private readonly HashSet<string> keysInBatch = new(StringComparer.Ordinal);
    private readonly HashSet<string> slugsInBatch = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MediaItem> mediaBySourceId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MediaItem> mediaByKey = new(StringComparer.Ordinal);
    private readonly List<(ImportedRecord Record, Story? Story, MediaItem? Media)> pendingTargets = [];
    private readonly List<(string From, string To, string Source)> redirects = [];
    private Dictionary<string, ImportedRecord> records = [];
    private Dictionary<string, Category> categories = [];
    private Dictionary<string, Topic> topics = [];
    private HashSet<string> takenSlugs = [];
    private Dictionary<int, StoryFeature> features = [];

    public async Task WriteAsync(List<ImportEntry> batch, CancellationToken ct)
    {
        await LoadAsync(batch, ct);
        foreach (var entry in batch.OfType<TagEntry>())
        {
            WriteTag(entry);
        }

        foreach (var entry in batch.OfType<MediaEntry>())
        {
            WriteMedia(entry);
        }

        foreach (var entry in batch.OfType<StoryEntry>())
        {
            if (Validate(entry) is { } problem)
            {
                counts.Problems.Add(problem);
                if (options.Strict)
                {
                    counts.Stop = true;
                    return;
                }

                continue;
            }

            await WriteStoryAsync(entry, ct);
        }

        foreach (var entry in batch.OfType<KeptEntry>())
        {
            if (IsNewKey(entry.SourceId) && !records.ContainsKey(entry.SourceId))
            {
                db.ImportedRecords.Add(new ImportedRecord { Source = source, SourceId = entry.SourceId, Kind = entry.Kind, Data = entry.Json, ContentHash = Hash(entry.Json), ImportedAtUtc = nowUtc });
                counts.Kept++;
            }
        }

        redirects.AddRange(batch.OfType<RedirectEntry>().Select(r => (r.FromPath, r.ToPath, r.Source)));
        await WriteRedirectsAsync(ct);

        await db.SaveChangesAsync(ct);
        if (pendingTargets.Count > 0)
        {
            // Ids exist only after the first save.
            foreach (var (record, story, media) in pendingTargets)
            {
                record.TargetId = story?.Id ?? media?.Id;
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private async Task LoadAsync(List<ImportEntry> batch, CancellationToken ct)
    {
        var stories = batch.OfType<StoryEntry>().ToList();
        var keys = batch.Select(e => e switch
        {
            StoryEntry s => s.SourceId,
            MediaEntry m => m.SourceId,
            KeptEntry k => k.SourceId,
            _ => null,
        }).Concat(stories.Select(s => s.Story.ImageSourceId)).OfType<string>().Distinct().ToList();
        records = await db.ImportedRecords.Where(r => r.Source == source && keys.Contains(r.SourceId)).ToDictionaryAsync(r => r.SourceId, StringComparer.Ordinal, ct);

        var categorySlugs = stories.SelectMany(s => s.Story.Categories).Concat(batch.OfType<TagEntry>().Where(t => !t.IsTopic).Select(t => t.Tag))
            .Select(t => t.SlugOrDefault).Distinct().ToList();
        categories = await db.Categories.Where(c => categorySlugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        var topicSlugs = stories.SelectMany(s => s.Story.Topics).Concat(batch.OfType<TagEntry>().Where(t => t.IsTopic).Select(t => t.Tag))
            .Select(t => t.SlugOrDefault).Distinct().ToList();
        topics = await db.Topics.Where(t => topicSlugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, ct);

        var slugs = stories.Select(s => PreferredSlug(s.Story)).Distinct().ToList();
        takenSlugs = (await db.Stories.Where(s => slugs.Contains(s.Slug)).Select(s => s.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var imageKeys = stories.Select(s => s.Story.Image?.StorageKey).Concat(batch.OfType<MediaEntry>().Select(m => m.Image.StorageKey))
            .OfType<string>().Distinct().ToList();
        foreach (var media in await db.Media.Where(m => imageKeys.Contains(m.StorageKey)).ToListAsync(ct))
        {
            mediaByKey[media.StorageKey] = media;
        }

        var dayKeys = stories.SelectMany(s => s.Story.Features).Select(d => (d.Month * 100) + d.Day).Distinct().ToList();
        features = await db.StoryFeatures.Where(f => dayKeys.Contains((f.Month * 100) + f.Day)).ToDictionaryAsync(f => (f.Month * 100) + f.Day, ct);
    }

    private static ProblemEntry? Validate(StoryEntry entry)
    {
        var s = entry.Story;
        string? reason = string.IsNullOrWhiteSpace(s.Title) ? "the story has no title"
            : s.Title.Length > 200 ? $"the title is {s.Title.Length} characters long; at most 200 fit"
            : s.Summary.Length > 1000 ? $"the summary is {s.Summary.Length} characters long; at most 1000 fit"
            : s.AuthorName?.Length > 200 ? "the author's name is longer than 200 characters"
            : s.Sources.Any(x => x.Title.Length > 300 || x.Url?.Length > 2000) ? "a source's title or address is too long"
            : HasNul(s) ? "the text holds a NUL character (U+0000)"
            : null;
        return reason is null ? null : new ProblemEntry(entry.Location, reason);
    }

    private static bool HasNul(ImportedStory s) =>
        new[] { s.Title, s.Summary, s.Body, s.AuthorName ?? "" }.Concat(s.Highlights).Any(t => t.Contains('\0', StringComparison.Ordinal));

    private bool IsNewKey(string sourceId) => keysInBatch.Add(sourceId) && (dryRunKeys?.Add(sourceId) ?? true);

    private async Task WriteStoryAsync(StoryEntry entry, CancellationToken ct)
    {
        if (!IsNewKey(entry.SourceId))
        {
            counts.Skipped++;
            return;
        }

        var hash = Hash(JsonSerializer.Serialize(entry.Story, FingerprintJson));
        Story? story = null;
        if (records.TryGetValue(entry.SourceId, out var record))
        {
            if (!options.Update || record.ContentHash == hash)
            {
                counts.Skipped++;
                return;
            }

            if (record.TargetId is int id)
            {
                story = await db.Stories.Include(x => x.Categories).Include(x => x.Topics).Include(x => x.Sources).Include(x => x.Features)
                    .SingleOrDefaultAsync(x => x.Id == id, ct);
            }

            record.ContentHash = hash;
            record.Data = entry.Story.Data;
            record.ImportedAtUtc = nowUtc;
        }
        else
        {
            record = new ImportedRecord { Source = source, SourceId = entry.SourceId, Kind = ImportedKinds.Story, ContentHash = hash, Data = entry.Story.Data, ImportedAtUtc = nowUtc };
            db.ImportedRecords.Add(record);
        }

        if (story is null)
        {
            story = new Story { Slug = await UniqueSlugAsync(PreferredSlug(entry.Story), ct), Title = entry.Story.Title };
            db.Stories.Add(story);
            pendingTargets.Add((record, story, null));
            counts.Created++;
        }
        else
        {
            counts.Updated++;
        }

        Apply(story, entry);
        redirects.AddRange(entry.Story.OldPaths.Select(p => (p, Redirect.ToStory(story.Slug), source)));
    }

    private void Apply(Story story, StoryEntry entry)
    {
        var s = entry.Story;
        story.Title = s.Title;
        story.Kind = s.Kind;
        story.PlacementOverridden = false;
        story.Date = s.Date;
        if (s.Placement is { } placement && placement != s.Date.Placement)
        {
            story.PlacementOverridden = true;
            story.PlacementMonth = placement.Month;
            story.PlacementDay = placement.Day;
        }

        story.Summary = s.Summary;
        story.Highlights = [.. s.Highlights];
        story.SetBody(s.Body);
        story.Status = s.Status;
        story.AuthorName = s.AuthorName;
        story.CreatedAtUtc = Utc(s.CreatedAtUtc) ?? nowUtc;
        story.PublishedAtUtc = Utc(s.PublishedAtUtc) ?? (s.Status == StoryStatus.Published ? nowUtc : null);
        story.UpdatedAtUtc = Utc(s.UpdatedAtUtc) ?? nowUtc;
        story.Categories = [.. s.Categories.Select(t => Category(t)).OfType<Category>().Distinct()];
        story.Topics = [.. s.Topics.Select(t => Topic(t)).OfType<Topic>().Distinct()];
        story.Sources = [.. s.Sources.Select((x, i) => new Source { Title = x.Title, Url = x.Url, Position = i })];
        story.Image = Image(entry);
        if (story.Image is null)
        {
            story.ImageId = null;
        }

        foreach (var day in s.Features)
        {
            int key = (day.Month * 100) + day.Day;
            if (features.TryGetValue(key, out var existing))
            {
                if (existing.StoryId != story.Id || story.Id == 0)
                {
                    counts.Notes.Add(new NoteEntry(entry.Location, $"{day.Slug} already has a story of the day; this one is not featured."));
                }

                continue;
            }

            var feature = new StoryFeature { Month = day.Month, Day = day.Day, Story = story };
            features[key] = feature;
            story.Features.Add(feature);
        }
    }

    private MediaItem? Image(StoryEntry entry)
    {
        if (entry.Story.Image is { } image)
        {
            return MediaFor(image);
        }

        if (entry.Story.ImageSourceId is not { } id)
        {
            return null;
        }

        if (mediaBySourceId.TryGetValue(id, out var made))
        {
            return made;
        }

        if (records.TryGetValue(id, out var record) && record.TargetId is int mediaId)
        {
            return db.Media.Find(mediaId);
        }

        counts.Notes.Add(new NoteEntry(entry.Location, $"its image ({id}) is not in the file; the story has no picture."));
        return null;
    }

    private void WriteMedia(MediaEntry entry)
    {
        if (!IsNewKey(entry.SourceId))
        {
            return;
        }

        var hash = Hash(JsonSerializer.Serialize(entry.Image, FingerprintJson));
        if (records.TryGetValue(entry.SourceId, out var record))
        {
            if (!options.Update || record.ContentHash == hash || record.TargetId is not int id || db.Media.Find(id) is not { } existing)
            {
                return;
            }

            Fill(existing, entry.Image);
            record.ContentHash = hash;
            mediaBySourceId[entry.SourceId] = existing;
            return;
        }

        var media = MediaFor(entry.Image);
        mediaBySourceId[entry.SourceId] = media;
        record = new ImportedRecord { Source = source, SourceId = entry.SourceId, Kind = ImportedKinds.Media, ContentHash = hash, ImportedAtUtc = nowUtc };
        db.ImportedRecords.Add(record);
        pendingTargets.Add((record, null, media));
    }

    private MediaItem MediaFor(ImportedImage image)
    {
        if (mediaByKey.TryGetValue(image.StorageKey, out var media))
        {
            if (options.Update)
            {
                Fill(media, image);
            }

            return media;
        }

        media = new MediaItem { StorageKey = image.StorageKey, ContentType = image.ContentType, AltText = image.AltText };
        Fill(media, image);
        db.Media.Add(media);
        mediaByKey[image.StorageKey] = media;
        if (dryRunKeys?.Add("media " + image.StorageKey) != false)
        {
            counts.MediaCreated++;
        }
        return media;
    }

    private void Fill(MediaItem media, ImportedImage image)
    {
        media.ContentType = image.ContentType;
        media.Width = image.Width;
        media.Height = image.Height;
        media.AltText = image.AltText;
        media.CreditText = image.CreditText;
        media.CreditUrl = image.CreditUrl;
        media.Licence = image.Licence;
        media.CreatedAtUtc = Utc(image.CreatedAtUtc) ?? nowUtc;
    }

    private void WriteTag(TagEntry entry)
    {
        var tag = entry.IsTopic ? (object?)Topic(entry.Tag) : Category(entry.Tag);
        if (tag is null || !options.Update || entry.Tag.Description is null)
        {
            return;
        }

        switch (tag)
        {
            case Topic t:
                (t.Name, t.Description) = (entry.Tag.Name, entry.Tag.Description);
                break;
            case Category c:
                (c.Name, c.Description) = (entry.Tag.Name, entry.Tag.Description);
                break;
        }
    }

    private Category? Category(ImportedTag tag) => Find(categories, tag, 120, t => new Category { Slug = t.SlugOrDefault, Name = t.Name, Description = t.Description ?? "" });

    private Topic? Topic(ImportedTag tag) => Find(topics, tag, 160, t => new Topic { Slug = t.SlugOrDefault, Name = t.Name, Description = t.Description ?? "" });

    private T? Find<T>(Dictionary<string, T> known, ImportedTag tag, int maxName, Func<ImportedTag, T> create)
        where T : class
    {
        var slug = tag.SlugOrDefault;
        if (slug.Length == 0 || string.IsNullOrWhiteSpace(tag.Name))
        {
            return null;
        }

        if (!known.TryGetValue(slug, out var item))
        {
            item = create(tag.Name.Length > maxName ? tag with { Name = tag.Name[..maxName] } : tag);
            db.Add(item);
            known[slug] = item;
            if (dryRunKeys?.Add($"{typeof(T).Name} {slug}") != false)
            {
                counts.TagsCreated++;
            }
        }

        return item;
    }

    private async Task WriteRedirectsAsync(CancellationToken ct)
    {
        if (redirects.Count == 0)
        {
            return;
        }

        var paths = redirects.Select(r => r.From).Distinct().ToList();
        var existing = await db.Redirects.Where(r => paths.Contains(r.FromPath)).ToDictionaryAsync(r => r.FromPath, StringComparer.Ordinal, ct);
        foreach (var (from, to, by) in redirects)
        {
            if (from.Length > Redirect.MaxPathLength || to.Length > Redirect.MaxPathLength || from == to)
            {
                continue;
            }

            if (existing.TryGetValue(from, out var redirect))
            {
                if (options.Update && redirect.ToPath != to && redirect.Id != 0)
                {
                    redirect.ToPath = to;
                }

                continue;
            }

            if (dryRunKeys?.Add("redirect " + from) == false)
            {
                continue;
            }

            redirect = new Redirect { FromPath = from, ToPath = to, Source = by.Length > 40 ? by[..40] : by, CreatedAtUtc = nowUtc };
            existing[from] = redirect;
            db.Redirects.Add(redirect);
            counts.RedirectsCreated++;
        }
    }

    private static string PreferredSlug(ImportedStory s)
    {
        if (s.Slug is { Length: > 0 } given && Slugs.From(given) == given)
        {
            return given;
        }

        var made = Slugs.ForStory(s.Date.Year, s.Title);
        return made.Length > 0 ? made : "story";
    }

    private async Task<string> UniqueSlugAsync(string preferred, CancellationToken ct)
    {
        var slug = preferred;
        for (int n = 2; takenSlugs.Contains(slug) || slugsInBatch.Contains(slug) || (n > 2 && await db.Stories.AnyAsync(s => s.Slug == slug, ct)); n++)
        {
            var suffix = $"-{n}";
            slug = (preferred.Length + suffix.Length > Slugs.MaxLength ? preferred[..(Slugs.MaxLength - suffix.Length)].TrimEnd('-') : preferred) + suffix;
        }

        slugsInBatch.Add(slug);
        return slug;
    }

    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } v => v,
        { Kind: DateTimeKind.Local } v => v.ToUniversalTime(),
        { } v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
