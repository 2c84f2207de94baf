using System.Globalization;
using System.Security.Claims;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Newsroom;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Almanac.Web.Features.Account;
using Almanac.Web.Features.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Admin.Stories;

/// <summary>
/// The outcome of a save: the story; or the problems keyed by the form field they belong to; or, when
/// someone else saved the story after the form was opened, their revision (<see cref="Conflict"/>).
/// </summary>
public sealed record StorySave(Story? Story, IReadOnlyDictionary<string, string> Errors, StoryRevision? Conflict = null)
{
    public bool Succeeded => Story is not null;
}

/// <summary>
/// Every change the newsroom makes to a story goes through here: the form is checked and applied,
/// the status moves, a changed slug of a published story leaves a redirect, a revision is kept, the
/// audit log is written and the cached pages that show the story are evicted.
/// </summary>
public sealed class StoryEditor(AlmanacDbContext db, StoryPages pages, SiteClock clock, TimeProvider time)
{
    public Task<Story?> LoadAsync(int id, CancellationToken ct) =>
        db.Stories.Include(s => s.Categories).Include(s => s.Topics).Include(s => s.Sources).Include(s => s.Image)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Saves the form into <paramref name="story"/> (null for a new one); <paramref name="restoredFrom"/> marks a restore.</summary>
    public async Task<StorySave> SaveAsync(Story? story, StoryForm form, StoryAction action, ClaimsPrincipal user, int? restoredFrom, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = Clean(form.Title);
        if (title.Length == 0)
        {
            errors["Title"] = "Give the story a title.";
        }
        else if (title.Length > 200)
        {
            errors["Title"] = "A title is at most 200 characters long.";
        }

        if (!StoryKinds.TryParse(form.Kind, out var kind))
        {
            errors["Kind"] = "Choose a kind: event, birth, death or observance.";
        }

        if (!form.TryDate(out var date, out var dateError))
        {
            errors["Date"] = dateError;
        }

        if (!form.TryPlacement(out var placement, out var placementError))
        {
            errors["Placement"] = placementError;
        }

        var summary = Clean(form.Summary);
        if (summary.Length > 1000)
        {
            errors["Summary"] = "A summary is at most 1,000 characters long.";
        }

        var highlights = form.HighlightLines();
        if (highlights.Count > StoryForm.MaxHighlights || highlights.Any(h => h.Length > 300))
        {
            errors["Highlights"] = $"Up to {StoryForm.MaxHighlights} highlights, each at most 300 characters long.";
        }

        var authorName = Clean(form.AuthorName);
        if (authorName.Length > 200)
        {
            errors["AuthorName"] = "An author's name is at most 200 characters long.";
        }

        MediaItem? image = null;
        if (form.ImageId is { } imageId && (image = await db.Media.FirstOrDefaultAsync(m => m.Id == imageId, ct)) is null)
        {
            errors["ImageId"] = $"There is no image {imageId} in the media library.";
        }

        var categoryNames = form.Categories.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        var categories = await db.Categories.Where(c => categoryNames.Contains(c.Name)).ToListAsync(ct);
        if (categories.Count != categoryNames.Count)
        {
            errors["Categories"] = "Choose categories from the list.";
        }

        var topicNames = form.TopicNames();
        if (topicNames.Count > StoryForm.MaxTopics || topicNames.Any(t => t.Length > 160 || Slugs.From(t).Length == 0))
        {
            errors["Topics"] = $"Up to {StoryForm.MaxTopics} topics, one a line, each a name of at most 160 characters with a letter or digit in it.";
        }

        var sources = form.FilledSources();
        for (int i = 0; i < form.Sources.Count; i++)
        {
            var row = form.Sources[i];
            var rowTitle = Clean(row.Title);
            var url = Clean(row.Url);
            if (rowTitle.Length == 0 && url.Length == 0)
            {
                continue;
            }

            if (rowTitle.Length is 0 or > 300)
            {
                errors[$"Sources[{i}].Title"] = "Give each source a title of at most 300 characters.";
            }

            if (url.Length > 0 && !MediaLibrary.IsWebAddress(url))
            {
                errors[$"Sources[{i}].Url"] = "A source's address starts with http:// or https://.";
            }
        }

        if (sources.Count > StoryForm.MaxSources)
        {
            errors["Sources"] = $"A story lists at most {StoryForm.MaxSources} sources.";
        }

        DateTime? publishAtUtc = null;
        if (action == StoryAction.Schedule)
        {
            publishAtUtc = ReadPublishAt(form.PublishAt, now, errors);
        }

        string slug = "";
        if (!errors.ContainsKey("Title") && !errors.ContainsKey("Date"))
        {
            slug = await SlugAsync(form.Slug, date.Year, title, story?.Id, errors, ct);
        }

        if (errors.Count > 0)
        {
            return new StorySave(null, errors);
        }

        bool isNew = story is null;
        var before = isNew ? null : StoryPlacement.Of(story!);
        var beforeSnapshot = isNew ? null : StorySnapshot.Of(story!);
        var wasStatus = story?.Status;
        var oldSlug = story?.Slug;
        story ??= new Story { Slug = slug, Title = title, CreatedAtUtc = now, OwnerId = StoryAccess.UserId(user), Status = StoryStatus.Draft };

        story.Title = title;
        story.Kind = kind;
        story.PlacementOverridden = placement is not null;
        story.Date = date;
        if (placement is { } day)
        {
            story.PlacementMonth = day.Month;
            story.PlacementDay = day.Day;
        }

        story.Summary = summary;
        if (!story.Highlights.SequenceEqual(highlights, StringComparer.Ordinal))
        {
            story.Highlights = [.. highlights];
        }

        var body = string.Concat((form.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => c is '\n' or '\t' || !char.IsControl(c)));
        if (isNew || story.Body != body)
        {
            story.SetBody(body);
        }

        story.ImageId = image?.Id;
        story.Image = image;
        SetCategories(story, categories);
        await SetTopicsAsync(story, topicNames, ct);
        SetSources(story, sources);
        story.Slug = slug;
        story.CommentsClosed = form.CommentsClosed;
        story.AuthorName = authorName.Length > 0 ? authorName : null;
        story.UpdatedAtUtc = now;
        Move(story, action, publishAtUtc, now);

        // The old address of a story readers could see keeps working.
        if (wasStatus == StoryStatus.Published && oldSlug is not null && oldSlug != slug)
        {
            await StoryRedirects.MoveAsync(db, oldSlug, slug, now, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (isNew)
        {
            db.Stories.Add(story);
        }

        await db.SaveChangesAsync(ct);

        // Someone else's save since the form was opened undoes this one. Checked inside the transaction,
        // which holds the story's row (PostgreSQL) or the whole database (SQLite) from here on, so of two
        // saves made at the same moment the second sees the first; the caller reloads the story.
        if (!isNew && await ConflictAsync(story.Id, form.BaseRevision, ct) is { } conflict)
        {
            await transaction.RollbackAsync(ct);
            return new StorySave(null, errors, conflict);
        }

        var after = StorySnapshot.Of(story);
        var note = restoredFrom is { } n ? $"restore {n}" : isNew ? "create" : "update";
        var changed = await StoryRevisions.RecordAsync(db, story.Id, beforeSnapshot, after, now, StoryAccess.UserId(user), user.Identity?.Name ?? "", note, ct);

        var subject = $"story:{story.Id}";
        var changedText = string.Join(", ", changed);
        if (restoredFrom is { } r)
        {
            Newsroom.Audit(db, time, user, "story.restore", subject, $"revision {r}; changed: {changedText}");
        }
        else
        {
            Newsroom.Audit(db, time, user, isNew ? "story.create" : "story.update", subject, isNew ? story.Slug : $"changed: {changedText}");
        }

        if (story.Status != wasStatus)
        {
            switch (story.Status)
            {
                case StoryStatus.InReview:
                    Newsroom.Audit(db, time, user, "story.submit", subject);
                    break;
                case StoryStatus.Published:
                    Newsroom.Audit(db, time, user, "story.publish", subject);
                    break;
            }
        }

        if (action == StoryAction.Schedule)
        {
            Newsroom.Audit(db, time, user, "story.schedule", subject, story.PublishAtUtc!.Value.ToString("O", CultureInfo.InvariantCulture));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await pages.EvictAsync(before, StoryPlacement.Of(story), ct);
        return new StorySave(story, errors);
    }

    /// <summary>The revision saved since <paramref name="baseRevision"/>, if any: someone else's edit the form has not seen.</summary>
    private async Task<StoryRevision?> ConflictAsync(int storyId, int? baseRevision, CancellationToken ct)
    {
        if (baseRevision is not { } seen)
        {
            return null;
        }

        var latest = await StoryRevisions.LatestAsync(db, storyId, ct);
        return (latest?.Number ?? 0) == seen ? null : latest;
    }

    /// <summary>Takes a published or scheduled story off the site; its content stays.</summary>
    public async Task UnpublishAsync(Story story, ClaimsPrincipal user, CancellationToken ct)
    {
        var before = StoryPlacement.Of(story);
        story.Status = StoryStatus.Unpublished;
        story.PublishAtUtc = null;
        story.UpdatedAtUtc = clock.UtcNow;
        Newsroom.Audit(db, time, user, "story.unpublish", $"story:{story.Id}");
        await db.SaveChangesAsync(ct);
        await pages.EvictAsync(before, StoryPlacement.Of(story), ct);
    }

    /// <summary>
    /// Deletes a story. Its sources, tags, features, comments, read counts, related-story rows and
    /// revisions go with it (cascades); redirects that pointed at it would now lead to a 404, so they go too.
    /// </summary>
    public async Task DeleteAsync(Story story, ClaimsPrincipal user, CancellationToken ct)
    {
        var before = StoryPlacement.Of(story);
        var path = Core.Redirects.Redirect.ToStory(story.Slug);
        db.Redirects.RemoveRange(await db.Redirects.Where(r => r.ToPath == path).ToListAsync(ct));
        db.Stories.Remove(story);
        Newsroom.Audit(db, time, user, "story.delete", $"story:{story.Id}", $"{story.Slug}: {story.Title}");
        await db.SaveChangesAsync(ct);
        await pages.EvictAsync(before, null, ct);
    }

    private static void Move(Story story, StoryAction action, DateTime? publishAtUtc, DateTime now)
    {
        switch (action)
        {
            case StoryAction.Submit:
                story.Status = StoryStatus.InReview;
                story.PublishAtUtc = null;
                break;
            case StoryAction.Schedule:
                story.Status = StoryStatus.Scheduled;
                story.PublishAtUtc = publishAtUtc;
                break;
            case StoryAction.Publish:
                if (story.Status != StoryStatus.Published)
                {
                    story.Status = StoryStatus.Published;
                    // The first publication is the story's date of record; publishing again after
                    // an unpublish keeps it (unless it lay in the future, where readers would miss it).
                    if (story.PublishedAtUtc is null || story.PublishedAtUtc > now)
                    {
                        story.PublishedAtUtc = now;
                    }
                }

                story.PublishAtUtc = null;
                break;
        }
    }

    /// <summary>A local date and time in the site's zone, which must lie in the future, as UTC.</summary>
    private DateTime? ReadPublishAt(string? text, DateTime now, Dictionary<string, string> errors)
    {
        if (!DateTime.TryParseExact((text ?? "").Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            errors["PublishAt"] = "Give the date and time to publish, for example 2024-08-05 09:00.";
            return null;
        }

        if (clock.Zone.IsInvalidTime(local))
        {
            errors["PublishAt"] = "That time does not exist in the site's time zone (the clocks go forward then).";
            return null;
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clock.Zone);
        if (utc <= now)
        {
            errors["PublishAt"] = $"Choose a moment in the future: it is now {TimeZoneInfo.ConvertTimeFromUtc(now, clock.Zone):yyyy-MM-dd HH:mm} in the site's time zone ({clock.Zone.Id}).";
            return null;
        }

        return utc;
    }

    /// <summary>The posted slug, checked and unique; or one made from "year title", numbered if taken.</summary>
    private async Task<string> SlugAsync(string? posted, int year, string title, int? storyId, Dictionary<string, string> errors, CancellationToken ct)
    {
        var wanted = (posted ?? "").Trim();
        if (wanted.Length == 0)
        {
            var generated = Slugs.ForStory(year, title);
            var candidate = generated;
            for (int n = 2; await TakenAsync(candidate, storyId, ct); n++)
            {
                var suffix = $"-{n}";
                candidate = generated[..Math.Min(generated.Length, Slugs.MaxLength - suffix.Length)] + suffix;
            }

            return candidate;
        }

        if (wanted.Length > Slugs.MaxLength || Slugs.From(wanted) != wanted)
        {
            errors["Slug"] = $"Use lower-case letters, digits and single hyphens, at most {Slugs.MaxLength} characters, for example \"{(Slugs.From(wanted) is { Length: > 0 } s ? s : "1924-a-story")}\".";
            return wanted;
        }

        if (await TakenAsync(wanted, storyId, ct))
        {
            errors["Slug"] = $"Another story already has the address \"{wanted}\". Choose another one.";
        }

        return wanted;
    }

    private Task<bool> TakenAsync(string slug, int? storyId, CancellationToken ct) =>
        db.Stories.AnyAsync(s => s.Slug == slug && s.Id != (storyId ?? 0), ct);

    private static void SetCategories(Story story, List<Category> categories)
    {
        story.Categories.RemoveAll(c => !categories.Any(n => n.Id == c.Id));
        story.Categories.AddRange(categories.Where(c => !story.Categories.Any(e => e.Id == c.Id)));
    }

    /// <summary>Finds each topic by its slug and makes the ones that do not exist yet.</summary>
    private async Task SetTopicsAsync(Story story, IReadOnlyList<string> names, CancellationToken ct)
    {
        var wanted = names.Select(n => (Name: n, Slug: Slugs.From(n))).DistinctBy(t => t.Slug).ToList();
        var slugs = wanted.Select(t => t.Slug).ToList();
        var existing = await db.Topics.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        var topics = wanted.Select(w => existing.FirstOrDefault(t => t.Slug == w.Slug) ?? new Topic { Slug = w.Slug, Name = w.Name }).ToList();
        story.Topics.RemoveAll(t => !topics.Any(n => n.Slug == t.Slug));
        story.Topics.AddRange(topics.Where(t => !story.Topics.Any(e => e.Slug == t.Slug)));
    }

    private static void SetSources(Story story, IReadOnlyList<SourceRow> rows)
    {
        var wanted = rows.Select(r => (Title: Clean(r.Title), Url: Clean(r.Url))).ToList();
        var current = story.Sources.OrderBy(s => s.Position).Select(s => (s.Title, Url: s.Url ?? "")).ToList();
        if (current.SequenceEqual(wanted))
        {
            return;
        }

        story.Sources.Clear();
        story.Sources.AddRange(wanted.Select((w, i) => new Source { Title = w.Title, Url = w.Url.Length > 0 ? w.Url : null, Position = i }));
    }

    // Control characters (U+0000 among them, which PostgreSQL refuses) have no place in a one-line field.
    private static string Clean(string? text) =>
        text is null ? "" : string.Concat(text.Where(c => !char.IsControl(c))).Trim();
}
