using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Features.Publishing;

/// <summary>
/// Where a story shows on the public site: what the output cache must forget when the story is
/// published, edited, unpublished or deleted. Take one before a change and one after it.
/// </summary>
public sealed record StoryPlacement(
    int Id,
    StoryStatus Status,
    int Year,
    int? PlacementMonth,
    int? PlacementDay,
    StoryKind Kind,
    IReadOnlyList<string> CategorySlugs,
    IReadOnlyList<string> TopicSlugs)
{
    public static StoryPlacement Of(Story story) => new(
        story.Id,
        story.Status,
        story.Year,
        story.PlacementMonth,
        story.PlacementDay,
        story.Kind,
        [.. story.Categories.Select(c => c.Slug)],
        [.. story.Topics.Select(t => t.Slug)]);
}

/// <summary>
/// Evicts exactly the cached pages that show a story, before and after a change. Every listing page
/// carries its list's tag (<c>day:</c>, <c>year:</c>, <c>topic:</c>, …) besides the <c>story:</c> tags of
/// what it shows, because a newly published story is on no cached page yet.
/// </summary>
public sealed class StoryPages(IOutputCacheStore cache, IServiceScopeFactory scopes, TimeProvider time)
{
    public async Task EvictAsync(StoryPlacement? before, StoryPlacement? after, CancellationToken ct)
    {
        var tags = new HashSet<string>(Changed(before, after), StringComparer.Ordinal);
        if (after is { Status: StoryStatus.Published })
        {
            tags.UnionWith((await NewlyShowingAsync(after, ct)).Select(CacheTags.StoryPage));
        }

        foreach (var tag in tags)
        {
            await cache.EvictByTagAsync(tag, ct);
        }
    }

    /// <summary>
    /// The tags of every page that shows (or lists) a published story: its own page, its day and
    /// month (and so the home page and today's feeds on that day), its year, kind, categories and
    /// topics with their indexes, the newest feed, the sitemaps and the unfiltered calendar. A story
    /// readers cannot see is on no page.
    /// </summary>
    public static IEnumerable<string> Tags(StoryPlacement? placement)
    {
        if (placement is not { Status: StoryStatus.Published })
        {
            yield break;
        }

        yield return CacheTags.Story(placement.Id);
        if (placement.PlacementMonth is { } month && placement.PlacementDay is { } day && CalendarDay.IsValid(month, day))
        {
            yield return CacheTags.Day(new CalendarDay(month, day));
            yield return CacheTags.Month(month);
            yield return CacheTags.Calendar;
        }

        yield return CacheTags.Year(placement.Year);
        yield return CacheTags.Kind(placement.Kind);
        foreach (var slug in placement.CategorySlugs)
        {
            yield return CacheTags.Category(slug);
        }

        if (placement.CategorySlugs.Count > 0)
        {
            yield return CacheTags.CategoryIndex;
        }

        foreach (var slug in placement.TopicSlugs)
        {
            yield return CacheTags.Topic(slug);
        }

        if (placement.TopicSlugs.Count > 0)
        {
            yield return CacheTags.TopicIndex;
        }

        yield return CacheTags.Newest;
        yield return CacheTags.Sitemap;
    }

    /// <summary>
    /// What a change makes stale. A story that stays public in the same place in every list (same day,
    /// year and kind) is still on the same listing pages, which carry its <c>story:</c> tag; only lists
    /// it joins or leaves (a category or topic added or taken away) and the sitemaps (which show edit
    /// times) need more. Anything else — publication, withdrawal, a new date — evicts every list of both.
    /// </summary>
    public static IEnumerable<string> Changed(StoryPlacement? before, StoryPlacement? after)
    {
        var was = Tags(before).ToHashSet(StringComparer.Ordinal);
        var now = Tags(after).ToHashSet(StringComparer.Ordinal);
        if (was.Count == 0 || now.Count == 0 || !SameOrder(before!, after!))
        {
            return was.Union(now, StringComparer.Ordinal);
        }

        var changed = new HashSet<string>(was, StringComparer.Ordinal);
        changed.SymmetricExceptWith(now);
        changed.Add(CacheTags.Story(after!.Id));
        changed.Add(CacheTags.Sitemap);
        if (!before!.CategorySlugs.Order(StringComparer.Ordinal).SequenceEqual(after.CategorySlugs.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            changed.Add(CacheTags.CategoryIndex);
        }

        if (!before.TopicSlugs.Order(StringComparer.Ordinal).SequenceEqual(after.TopicSlugs.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            changed.Add(CacheTags.TopicIndex);
        }

        return changed;
    }

    // Lists sort by year and day, day pages group by kind (and pick the story of the day by kind and year).
    private static bool SameOrder(StoryPlacement before, StoryPlacement after) =>
        before.Id == after.Id && before.Year == after.Year && before.Kind == after.Kind
        && before.PlacementMonth == after.PlacementMonth && before.PlacementDay == after.PlacementDay;

    /// <summary>
    /// Story pages that show this story after the change but did not tag it before: the stories whose
    /// related list holds it now, and its neighbours on its day page ("previous"/"next"). Pages that
    /// showed it before carry its tag already.
    /// </summary>
    private async Task<List<int>> NewlyShowingAsync(StoryPlacement story, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlmanacDbContext>();
        var ids = await db.StoryRelations.AsNoTracking().Where(r => r.RelatedStoryId == story.Id).Select(r => r.StoryId).ToListAsync(ct);
        if (story.PlacementMonth is { } month && story.PlacementDay is { } day && CalendarDay.IsValid(month, day))
        {
            // The same neighbours the story page picks: the day's published stories in year order.
            var sameDay = db.Stories.AsNoTracking().Published(time.GetUtcNow().UtcDateTime).On(new CalendarDay(month, day)).Where(s => s.Id != story.Id);
            ids.AddRange(await sameDay.Where(s => s.Year < story.Year || (s.Year == story.Year && s.Id < story.Id))
                    .OrderByDescending(s => s.Year).ThenByDescending(s => s.Id).Select(s => s.Id).Take(1)
                .Concat(sameDay.Where(s => s.Year > story.Year || (s.Year == story.Year && s.Id > story.Id))
                    .OrderBy(s => s.Year).ThenBy(s => s.Id).Select(s => s.Id).Take(1))
                .ToListAsync(ct));
        }

        return ids;
    }
}
