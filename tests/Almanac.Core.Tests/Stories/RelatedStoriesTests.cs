using Almanac.Core.Stories;
using Facts = Almanac.Core.Stories.RelatedStories.Facts;

namespace Almanac.Core.Tests.Stories;

public class RelatedStoriesTests
{
    private static Facts Story(int id, int year, int[]? topics = null, int[]? categories = null, (int, int)? day = null) =>
        new(id, year, day?.Item1, day?.Item2, topics ?? [], categories ?? []);

    [Fact]
    public void SharedTopics_OutrankSharedCategories_WhichOutrankTheSameDay()
    {
        var subject = Story(1, 1924, topics: [10], categories: [20], day: (8, 4));
        var sameDay = Story(2, 1924, day: (8, 4));
        var sameCategory = Story(3, 1924, categories: [20]);
        var sameTopic = Story(4, 1500, topics: [10]);

        var related = RelatedStories.RankAll([subject, sameDay, sameCategory, sameTopic])[1];

        Assert.Equal([4, 3, 2], related.Select(r => r.Id));
        Assert.Equal([3, 2, 1], related.Select(r => r.Score));
    }

    [Fact]
    public void Ties_GoToTheStoryClosestInTime_ThenTheLowerId()
    {
        var subject = Story(1, 1900, topics: [10]);
        var far = Story(2, 1500, topics: [10]);
        var near = Story(3, 1910, topics: [10]);
        var nearTwin = Story(4, 1890, topics: [10]);

        var related = RelatedStories.RankAll([subject, far, near, nearTwin])[1];

        Assert.Equal([3, 4, 2], related.Select(r => r.Id));
    }

    [Fact]
    public void NeverTheStoryItself_NorUnrelatedStories()
    {
        var subject = Story(1, 1900, topics: [10], day: (1, 1));
        var unrelated = Story(2, 1900, topics: [11], day: (1, 2));

        var related = RelatedStories.RankAll([subject, unrelated])[1];

        Assert.Empty(related);
    }

    [Fact]
    public void AtMostSixStories()
    {
        var stories = Enumerable.Range(1, 20).Select(i => Story(i, 1900 + i, topics: [10])).ToList();

        var ranked = RelatedStories.RankAll(stories);

        Assert.All(ranked.Values, r => Assert.Equal(RelatedStories.Count, r.Count));
        Assert.All(ranked, kv => Assert.DoesNotContain(kv.Key, kv.Value.Select(r => r.Id)));
    }

    [Fact]
    public void CategoryCandidates_AreTheNearestInTime()
    {
        // Only categories in common: of many, the ones nearest in time are found.
        var stories = Enumerable.Range(1, 200).Select(i => Story(i, 1000 + (i * 5), categories: [7])).ToList();

        var related = RelatedStories.RankAll(stories)[100];

        Assert.Equal([99, 101, 98, 102, 97, 103], related.Select(r => r.Id));
    }
}
