using Almanac.Core.Stories;
using Almanac.Web.Features.Publishing;

namespace Almanac.Web.Tests.Publishing;

public class StoryPagesTagsTests
{
    private static readonly StoryPlacement Published = new(7, StoryStatus.Published, 1924, 8, 4, StoryKind.Event, ["politics"], ["mexico", "ussr"]);

    [Fact]
    public void Tags_OfAPublishedStory_NameItsPageDayMonthYearKindListsFeedsAndSitemaps()
    {
        Assert.Equal(
            [
                "anniversaries", "categories", "category:politics", "day:08-04", "kind:event", "month:8", "newest",
                "sitemap", "story:7", "topic:mexico", "topic:ussr", "topics", "year:1924",
            ],
            StoryPages.Tags(Published).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tags_OfAStoryWithoutDayOrTags_LeaveOutDayMonthCalendarAndIndexes()
    {
        var yearOnly = Published with { PlacementMonth = null, PlacementDay = null, CategorySlugs = [], TopicSlugs = [] };

        Assert.Equal(["kind:event", "newest", "sitemap", "story:7", "year:1924"], StoryPages.Tags(yearOnly).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tags_OfALeapDayStory_NameTheLeapDay()
    {
        var leap = Published with { PlacementMonth = 2, PlacementDay = 29 };

        Assert.Contains("day:02-29", StoryPages.Tags(leap));
        Assert.Contains("month:2", StoryPages.Tags(leap));
    }

    [Theory]
    [InlineData(StoryStatus.Draft)]
    [InlineData(StoryStatus.InReview)]
    [InlineData(StoryStatus.Scheduled)]
    [InlineData(StoryStatus.Unpublished)]
    public void Tags_OfAStoryReadersCannotSee_AreNone(StoryStatus status)
    {
        Assert.Empty(StoryPages.Tags(Published with { Status = status }));
        Assert.Empty(StoryPages.Tags(null));
        Assert.Empty(StoryPages.Changed(Published with { Status = status }, Published with { Status = status }));
    }

    [Fact]
    public void Changed_ByPublication_IsEveryPageOfTheStory()
    {
        var scheduled = Published with { Status = StoryStatus.Scheduled };

        Assert.Equal(StoryPages.Tags(Published).Order(StringComparer.Ordinal), StoryPages.Changed(scheduled, Published).Order(StringComparer.Ordinal));
        Assert.Equal(StoryPages.Tags(Published).Order(StringComparer.Ordinal), StoryPages.Changed(Published, Published with { Status = StoryStatus.Unpublished }).Order(StringComparer.Ordinal));
        Assert.Equal(StoryPages.Tags(Published).Order(StringComparer.Ordinal), StoryPages.Changed(Published, null).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Changed_ByAnEditInPlace_IsTheStoryPageAndTheSitemaps()
    {
        Assert.Equal(["sitemap", "story:7"], StoryPages.Changed(Published, Published with { CategorySlugs = ["politics"] }).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Changed_ByATopicSwap_AddsTheTopicsJoinedAndLeftAndTheIndex()
    {
        var after = Published with { TopicSlugs = ["mexico", "diplomacy"] };

        Assert.Equal(["sitemap", "story:7", "topic:diplomacy", "topic:ussr", "topics"], StoryPages.Changed(Published, after).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Changed_ByANewDate_IsEveryPageOfBothPlaces()
    {
        var moved = Published with { Year = 1925, PlacementMonth = 9, PlacementDay = 1 };

        var changed = StoryPages.Changed(Published, moved).ToList();

        Assert.Superset(new HashSet<string> { "day:08-04", "month:8", "year:1924", "day:09-01", "month:9", "year:1925", "category:politics", "topic:ussr" }, changed.ToHashSet());
        Assert.Equal(changed.Count, changed.Distinct().Count());
    }

    [Fact]
    public void Changed_ByANewKind_EvictsBothKindListingsAndTheDay()
    {
        var birth = Published with { Kind = StoryKind.Birth };

        var changed = StoryPages.Changed(Published, birth).ToHashSet();

        Assert.Superset(new HashSet<string> { "kind:event", "kind:birth", "day:08-04", "story:7" }, changed);
    }
}
