using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Almanac.Core.Accounts;
using Almanac.Core.Comments;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Redirects;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Importing;

/// <summary>
/// Writes one batch of entries in one context: looks up the batch's import keys, slugs, tags, images,
/// featured days and redirects with one query each, then adds or (with <c>--update</c>) changes what
/// the keys allow. The caller owns the transaction.
/// </summary>
internal sealed class ImportBatch(AlmanacDbContext db, string source, ImportOptions options, BatchCounts counts,
    HashSet<string>? dryRunKeys, DateTime nowUtc, ImportMedia? media = null)
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
    private readonly Dictionary<string, Story> storiesBySourceId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Comment> commentsBySourceId = new(StringComparer.Ordinal);
    private readonly List<(ImportedRecord Record, Comment Comment)> pendingComments = [];
    private HashSet<int> existingStoryIds = [];
    private Dictionary<int, (int StoryId, int? ParentId)> existingComments = [];
    private List<AlmanacUser> users = [];

    public async Task WriteAsync(List<ImportEntry> batch, CancellationToken ct)
    {
        await LoadAsync(batch, ct);
        foreach (var entry in batch.OfType<TagEntry>())
        {
            WriteTag(entry);
        }

        foreach (var entry in batch.OfType<MediaEntry>())
        {
            await WriteMediaAsync(entry, ct);
        }

        foreach (var entry in batch.OfType<AuthorEntry>())
        {
            await WriteAuthorAsync(entry, ct);
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

        // Top-level comments first, so a reply finds its parent in the same batch whatever the file's order.
        foreach (var entry in batch.OfType<CommentEntry>().OrderBy(c => c.Comment.ParentSourceId is null ? 0 : 1))
        {
            await WriteCommentAsync(entry, ct);
            if (counts.Stop)
            {
                return;
            }
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
        if (pendingTargets.Count + pendingComments.Count > 0)
        {
            // Ids exist only after the first save.
            foreach (var (record, story, item) in pendingTargets)
            {
                record.TargetId = story?.Id ?? item?.Id;
            }

            foreach (var (record, comment) in pendingComments)
            {
                record.TargetId = comment.Id;
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
            CommentEntry c => c.SourceId,
            AuthorEntry a => a.SourceId,
            _ => null,
        }).Concat(stories.Select(s => s.Story.ImageSourceId))
            .Concat(batch.OfType<CommentEntry>().SelectMany(c => new[] { c.Comment.StorySourceId, c.Comment.ParentSourceId }))
            .OfType<string>().Distinct().ToList();
        records = await db.ImportedRecords.Where(r => r.Source == source && keys.Contains(r.SourceId)).ToDictionaryAsync(r => r.SourceId, StringComparer.Ordinal, ct);
        await LoadCommentTargetsAsync(batch, ct);
        await LoadUsersAsync(batch, ct);

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
        storiesBySourceId[entry.SourceId] = story;
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
        story.CommentsClosed = s.CommentsClosed;
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

    private async Task WriteMediaAsync(MediaEntry entry, CancellationToken ct)
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

        var item = await ProcessedAsync(entry, ct) ?? MediaFor(entry.Image);
        mediaBySourceId[entry.SourceId] = item;
        record = new ImportedRecord { Source = source, SourceId = entry.SourceId, Kind = ImportedKinds.Media, ContentHash = hash, ImportedAtUtc = nowUtc };
        db.ImportedRecords.Add(record);
        pendingTargets.Add((record, null, item));
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

    private async Task LoadCommentTargetsAsync(List<ImportEntry> batch, CancellationToken ct)
    {
        var comments = batch.OfType<CommentEntry>().Select(c => c.Comment).ToList();
        if (comments.Count == 0)
        {
            return;
        }

        int? Target(string? sourceId) => sourceId is not null && records.TryGetValue(sourceId, out var r) ? r.TargetId : null;
        var storyIds = comments.Select(c => Target(c.StorySourceId)).OfType<int>().Distinct().ToList();
        existingStoryIds = (await db.Stories.Where(s => storyIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var parentIds = comments.Select(c => Target(c.ParentSourceId)).OfType<int>().Distinct().ToList();
        existingComments = (await db.Comments.Where(c => parentIds.Contains(c.Id)).Select(c => new { c.Id, c.StoryId, c.ParentId }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => (c.StoryId, c.ParentId));
    }

    private async Task LoadUsersAsync(List<ImportEntry> batch, CancellationToken ct)
    {
        var authors = batch.OfType<AuthorEntry>().Select(a => a.Author).ToList();
        if (authors.Count == 0)
        {
            return;
        }

        var names = authors.Select(a => Normalize(UserNameFor(a.Login))).Distinct().ToList();
        var emails = authors.Select(a => a.Email).OfType<string>().Select(e => Normalize(e.Trim())).Distinct().ToList();
        users = await db.Users.Where(u => names.Contains(u.NormalizedUserName!) || emails.Contains(u.NormalizedEmail!)).ToListAsync(ct);
    }

    /// <summary>
    /// An attachment whose file was found beside the export goes through the media library's processing
    /// (decoded, re-encoded, variants in the store) as an upload would. Null when there is no file or no
    /// store, or when the file cannot be used (reported; the attachment is then kept as a reference).
    /// </summary>
    private async Task<MediaItem?> ProcessedAsync(MediaEntry entry, CancellationToken ct)
    {
        var image = entry.Image;
        if (image.FilePath is not { } path || media is null)
        {
            return null;
        }

        var name = Path.GetFileName(path);
        var size = new FileInfo(path).Length;
        var processing = size > media.Options.MaxUploadBytes
            ? null
            : ImageProcessor.Process(await File.ReadAllBytesAsync(path, ct), media.Options);
        if (processing?.Image is not { } processed)
        {
            var why = processing?.Rejection?.Message ?? $"it is {size:N0} bytes, more than the upload limit of {media.Options.MaxUploadBytes:N0}";
            counts.Notes.Add(new NoteEntry(entry.Location, $"{entry.SourceId}: the file {name} cannot be used ({why.TrimEnd('.')}); the image is recorded without its picture."));
            return null;
        }

        var key = MediaKeys.NewStorageKey();
        if (!options.DryRun)
        {
            // The database store writes through this context, inside the batch's transaction; a folder
            // store's files of a batch that fails are left behind unused (new keys are made on the re-run).
            foreach (var variant in processed.Variants)
            {
                await media.Store.PutAsync(MediaKeys.Variant(key, variant.Width, variant.Format), variant.Bytes, ct);
            }
        }

        var item = new MediaItem
        {
            StorageKey = key,
            ContentType = processed.SourceContentType,
            Width = processed.Width,
            Height = processed.Height,
            VariantWidths = [.. processed.VariantWidths],
            OriginalFileName = name.Length > MediaLibrary.MaxFileNameLength ? name[..MediaLibrary.MaxFileNameLength] : name,
            ByteSize = processed.SourceBytes,
            AltText = image.AltText,
            CreditText = image.CreditText,
            CreditUrl = image.CreditUrl,
            Licence = image.Licence,
            CreatedAtUtc = Utc(image.CreatedAtUtc) ?? nowUtc,
        };
        db.Media.Add(item);
        counts.MediaCreated++;
        return item;
    }

    /// <summary>
    /// An author becomes a contributor without a password (they choose one through a password link),
    /// unless an account with the same user name or e-mail exists: then that account is used as it is.
    /// </summary>
    private async Task WriteAuthorAsync(AuthorEntry entry, CancellationToken ct)
    {
        if (!IsNewKey(entry.SourceId))
        {
            return;
        }

        var author = entry.Author;
        var hash = Hash(JsonSerializer.Serialize(author, FingerprintJson));
        if (records.TryGetValue(entry.SourceId, out var record))
        {
            if (!options.Update || record.ContentHash == hash)
            {
                return;
            }

            // Only an account this import made is changed, and only the name it shows.
            record.ContentHash = hash;
            record.ImportedAtUtc = nowUtc;
            if (record.Data is { } data && JsonSerializer.Deserialize<UserRecord>(data) is { Created: true } made
                && await db.Users.FindAsync([made.UserId], ct) is { } account && author.DisplayName.Length > 0)
            {
                account.DisplayName = Clip(author.DisplayName, 200);
            }

            return;
        }

        var userName = UserNameFor(author.Login);
        var email = author.Email?.Trim() ?? "";
        if (userName.Length == 0 || email.Length == 0 || email.Length > 256 || !email.Contains('@', StringComparison.Ordinal))
        {
            counts.Notes.Add(new NoteEntry(entry.Location, $"author \"{author.Login}\" has no usable {(userName.Length == 0 ? "login" : "e-mail address")}; no account is made (their stories keep the name {author.DisplayName})."));
            return;
        }

        var user = users.FirstOrDefault(u => u.NormalizedUserName == Normalize(userName) || u.NormalizedEmail == Normalize(email));
        bool created = user is null;
        if (user is null)
        {
            if (userName != author.Login)
            {
                counts.Notes.Add(new NoteEntry(entry.Location, $"author \"{author.Login}\" becomes the user {userName} (user names here take letters, digits, '.', '-' and '_')."));
            }

            user = new AlmanacUser
            {
                UserName = userName,
                NormalizedUserName = Normalize(userName),
                Email = email,
                NormalizedEmail = Normalize(email),
                DisplayName = Clip(author.DisplayName, 200),
                CreatedAtUtc = nowUtc,
                LockoutEnabled = true,
                // What Identity's CreateAsync would set; no password hash, so nobody can sign in as this
                // user until they choose a password through a link.
                SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = (await ContributorRoleAsync(ct)).Id });
            AuditLog.Record(db, nowUtc, null, "almanac import", AuditLog.UserCreated, "user:" + userName, $"role {Roles.Contributor}, author in {source}, no password");
            users.Add(user);
            counts.UsersCreated++;
        }

        db.ImportedRecords.Add(new ImportedRecord
        {
            Source = source,
            SourceId = entry.SourceId,
            Kind = ImportedKinds.User,
            ContentHash = hash,
            Data = JsonSerializer.Serialize(new UserRecord(user.Id, created)),
            ImportedAtUtc = nowUtc,
        });
    }

    private IdentityRole? contributorRole;

    private async Task<IdentityRole> ContributorRoleAsync(CancellationToken ct)
    {
        var normalized = Normalize(Roles.Contributor);
        contributorRole ??= await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, ct);
        if (contributorRole is null)
        {
            contributorRole = new IdentityRole(Roles.Contributor) { NormalizedName = normalized };
            db.Roles.Add(contributorRole);
        }

        return contributorRole;
    }

    /// <summary>A login as a user name Identity accepts: letters, digits, '.', '-' and '_' (others become '-').</summary>
    internal static string UserNameFor(string login)
    {
        var name = new string([.. login.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')]);
        return Clip(name.Trim('-'), 256);
    }

    // Identity's default lookup normalizer (UpperInvariantLookupNormalizer), so FindByNameAsync and
    // FindByEmailAsync find the accounts made here.
    private static string Normalize(string value) => value.Normalize().ToUpperInvariant();

    private sealed record UserRecord(string UserId, bool Created);

    private async Task WriteCommentAsync(CommentEntry entry, CancellationToken ct)
    {
        if (!IsNewKey(entry.SourceId))
        {
            return;
        }

        var c = entry.Comment;
        string? reason = c.Body.Contains('\0', StringComparison.Ordinal) || c.AuthorName.Contains('\0', StringComparison.Ordinal) ? "the comment holds a NUL character (U+0000)"
            : string.IsNullOrWhiteSpace(c.Body) ? "the comment has no text"
            : c.DeleteKey is { Length: > 32 } ? "the comment's deletion key is longer than 32 characters"
            : null;
        if (reason is not null)
        {
            counts.Problems.Add(new ProblemEntry(entry.Location, $"{entry.SourceId}: {reason}."));
            counts.Stop = options.Strict;
            return;
        }

        var hash = Hash(JsonSerializer.Serialize(c, FingerprintJson));
        Comment? comment = null;
        records.TryGetValue(entry.SourceId, out var record);
        if (record?.TargetId is int id)
        {
            if (!options.Update || record.ContentHash == hash)
            {
                return;
            }

            // Deleted on the site since: with --update and a changed record it is made again.
            comment = await db.Comments.FindAsync([id], ct);
        }

        // Its story: written in this batch, or imported before and still on the site.
        var story = storiesBySourceId.GetValueOrDefault(c.StorySourceId);
        int? storyId = story is null && records.TryGetValue(c.StorySourceId, out var storyRecord) && storyRecord.TargetId is int sid && existingStoryIds.Contains(sid) ? sid : null;
        if (story is null && storyId is null)
        {
            if (dryRunKeys?.Contains(c.StorySourceId) == true)
            {
                // A dry run's earlier batch "made" the story, then rolled it back: count what a real run would do.
                counts.CommentsCreated++;
                return;
            }

            counts.Notes.Add(new NoteEntry(entry.Location, $"{entry.SourceId} is not imported: its story ({c.StorySourceId}) is not on the site."));
            return;
        }

        if (record is null)
        {
            record = new ImportedRecord { Source = source, SourceId = entry.SourceId, Kind = ImportedKinds.Comment, ImportedAtUtc = nowUtc };
            db.ImportedRecords.Add(record);
        }

        // A record kept as JSON by an earlier version (before comments existed) becomes a comment now.
        record.Kind = ImportedKinds.Comment;
        record.ContentHash = hash;
        record.Data = null;
        record.ImportedAtUtc = nowUtc;
        if (comment is null)
        {
            comment = new Comment { AuthorName = "", Body = "", DeleteKey = c.DeleteKey ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) };
            db.Comments.Add(comment);
            pendingComments.Add((record, comment));
            counts.CommentsCreated++;
        }
        else
        {
            counts.CommentsUpdated++;
        }

        if (story is not null)
        {
            comment.Story = story;
        }
        else
        {
            comment.StoryId = storyId!.Value;
        }

        SetParent(entry, comment, story, storyId);
        comment.AuthorName = Clip(c.AuthorName.Trim(), Comment.NameMaxLength);
        comment.Email = CommentModeration.NormalizeEmail(c.Email) is { Length: <= Comment.EmailMaxLength } email ? email : null;
        comment.Body = c.Body;
        comment.Status = c.Status;
        comment.CreatedAtUtc = Utc(c.CreatedAtUtc) ?? nowUtc;
        comment.IpHash = null;
        commentsBySourceId[entry.SourceId] = comment;
    }

    /// <summary>The top-level comment a reply belongs to (one level of replies: a reply to a reply joins its thread).</summary>
    private void SetParent(CommentEntry entry, Comment comment, Story? story, int? storyId)
    {
        if (entry.Comment.ParentSourceId is not { } parentKey)
        {
            Link(comment, null, null);
            return;
        }

        if (commentsBySourceId.TryGetValue(parentKey, out var parent) && (parent.Story == story && story is not null || (storyId is not null && parent.StoryId == storyId)))
        {
            if (parent.Parent is not null || parent.ParentId is not null)
            {
                Link(comment, parent.Parent, parent.ParentId);
            }
            else
            {
                Link(comment, parent, null);
            }

            return;
        }

        int ownStory = story?.Id ?? storyId ?? 0;
        if (records.TryGetValue(parentKey, out var record) && record.TargetId is int parentId
            && existingComments.TryGetValue(parentId, out var known) && known.StoryId == ownStory && ownStory != 0)
        {
            Link(comment, null, known.ParentId ?? parentId);
            return;
        }

        Link(comment, null, null);
        if (dryRunKeys?.Contains(parentKey) != true)
        {
            counts.Notes.Add(new NoteEntry(entry.Location, $"{entry.SourceId} answers {parentKey}, which is not on the site; it is imported as a comment of its own."));
        }
    }

    /// <summary>
    /// Sets the parent through the navigation when the parent is tracked (setting only the key of an
    /// entity whose navigation points elsewhere would be undone when changes are detected).
    /// </summary>
    private void Link(Comment comment, Comment? parent, int? parentId)
    {
        parent ??= parentId is int id ? db.Comments.Local.FirstOrDefault(c => c.Id == id) : null;
        comment.Parent = parent;
        if (parent is null)
        {
            comment.ParentId = parentId;
        }
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];

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
