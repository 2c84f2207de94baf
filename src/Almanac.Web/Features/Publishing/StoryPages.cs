using Almanac.Core.Stories;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;

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

/// <summary>Evicts exactly the cached pages that show a story, before and after a change.</summary>
public sealed class StoryPages(IOutputCacheStore cache)
{
    public async Task EvictAsync(StoryPlacement? before, StoryPlacement? after, CancellationToken ct)
    {
        foreach (var tag in Tags(before).Concat(Tags(after)).Distinct(StringComparer.Ordinal))
        {
            await cache.EvictByTagAsync(tag, ct);
        }
    }

    public static IEnumerable<string> Tags(StoryPlacement? placement)
    {
        if (placement is null)
        {
            yield break;
        }

        yield return CacheTags.Story(placement.Id);
    }
}
