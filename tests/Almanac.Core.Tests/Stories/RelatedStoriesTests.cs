using Almanac.Core.Calendar;
using Almanac.Core.Sample;
using Almanac.Core.Stories;
using Facts = Almanac.Core.Stories.RelatedStories.Facts;

namespace Almanac.Core.Tests.Stories;

public class RelatedStoriesTests
{
    private static Facts Story(int id, int year, int[]? topics = null, int[]? categories = null, string text = "") =>
        new(id, year, topics ?? [], categories ?? [], text);

    [Fact]
    public void TopicScore_IsThreePointsPerSharedTopic()
    {
        var a = Story(1, 1900, topics: [10, 11, 12]);

        Assert.Equal(6, RelatedStories.TopicScore(a, Story(2, 1900, topics: [11, 12, 13])));
        Assert.Equal(0, RelatedStories.TopicScore(a, Story(3, 1900, topics: [13])));
    }

    [Fact]
    public void CategoryScore_IsOnePointPerSharedCategory()
    {
        var a = Story(1, 1900, categories: [20, 21]);

        Assert.Equal(1, RelatedStories.CategoryScore(a, Story(2, 1900, categories: [21, 22])));
        Assert.Equal(0, RelatedStories.CategoryScore(a, Story(3, 1900, categories: [22])));
    }

    [Fact]
    public void TextScore_IsFiveTimesTheCosine_AndNothingBelowTheThreshold()
    {
        Assert.Equal(5, RelatedStories.TextScore(1), 6);
        Assert.Equal(2, RelatedStories.TextScore(0.4), 6);
        Assert.Equal(0, RelatedStories.TextScore(RelatedStories.MinTextSimilarity / 2));
    }

    [Fact]
    public void TimeScore_HalvesEveryFiftyYears_InEitherDirection()
    {
        Assert.Equal(1, RelatedStories.TimeScore(0), 6);
        Assert.Equal(0.5, RelatedStories.TimeScore(50), 6);
        Assert.Equal(0.5, RelatedStories.TimeScore(-50), 6);
        Assert.Equal(0.25, RelatedStories.TimeScore(100), 6);
    }

    [Fact]
    public void Blend_AddsTheIngredients_AndTimeOnlyAddsToAnotherLink()
    {
        var subject = Story(1, 1900, topics: [10], categories: [20]);
        var both = Story(2, 1950, topics: [10], categories: [20]);
        var sameYearOnly = Story(3, 1900);

        Assert.Equal(3 + 1 + 0.5 + (5 * 0.2), RelatedStories.Score(subject, both, 0.2), 4);
        Assert.Equal(0, RelatedStories.Score(subject, sameYearOnly, 0));
    }

    [Fact]
    public void Blend_RanksTopicsOverCategories_AndNearerInTimeFirst()
    {
        var subject = Story(1, 1924, topics: [10], categories: [20]);
        var sameTopicFar = Story(2, 1500, topics: [10]);
        var sameCategoryNear = Story(3, 1924, categories: [20]);
        var sameCategoryFar = Story(4, 1824, categories: [20]);
        var unrelated = Story(5, 1924, topics: [11], categories: [21]);

        var related = RelatedStories.RankAll([subject, sameTopicFar, sameCategoryNear, sameCategoryFar, unrelated])[1];

        Assert.Equal([2, 3, 4], related.Select(r => r.Id));
        Assert.Equal([3.0028, 2, 1.25], related.Select(r => r.Score));
    }

    [Fact]
    public void Blend_FindsStoriesByTheirWordsAlone()
    {
        var subject = Story(1, 1924, text: "Álvaro Obregón's government in Mexico opened relations with the Soviet Union");
        var sameWords = Story(2, 1928, text: "President Obregon of Mexico was shot at a banquet");
        var otherWords = Story(3, 1924, text: "The first winter games were held at Chamonix in the Alps");

        var related = RelatedStories.RankAll([subject, sameWords, otherWords])[1];

        Assert.Equal(2, Assert.Single(related).Id);
    }

    [Fact]
    public void Ties_GoToTheLowerId_AndNeverTheStoryItself()
    {
        var stories = new[] { Story(7, 1900, topics: [10]), Story(5, 1900, topics: [10]), Story(6, 1900, topics: [10]) };

        var ranked = RelatedStories.RankAll(stories);

        Assert.Equal([5, 6], ranked[7].Select(r => r.Id));
        Assert.Equal([6, 7], ranked[5].Select(r => r.Id));
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
        var stories = Enumerable.Range(1, 200).Select(i => Story(i, 1000 + (i * 5), categories: [7])).ToList();

        var related = RelatedStories.RankAll(stories)[100];

        Assert.Equal([99, 101, 98, 102, 97, 103], related.Select(r => r.Id));
    }

    [Fact]
    public void SampleContent_MexicoAndTheUssr_IsRelatedToTheOtherMexicanAndSovietStories()
    {
        var samples = SampleContent.Read();
        var topicIds = samples.SelectMany(s => s.Topics).Distinct().Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var categoryIds = samples.SelectMany(s => s.Categories).Distinct().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var facts = samples.Select((s, i) => new Facts(i + 1, HistoricalDateParser.Parse(s.Date).Year,
            [.. s.Topics.Select(t => topicIds[t])], [.. s.Categories.Select(c => categoryIds[c])], $"{s.Title} {s.Title} {s.Summary} {s.Body}")).ToList();
        int mexico = samples.ToList().FindIndex(s => s.Title.Contains("Mexico", StringComparison.Ordinal) && s.Title.Contains("USSR", StringComparison.Ordinal)) + 1;

        var first = RelatedStories.RankAll(facts);
        var again = RelatedStories.RankAll([.. Enumerable.Reverse(facts)]);

        var titles = first[mexico].Select(r => samples[r.Id - 1].Title).ToList();
        Assert.Contains(titles.Take(3), t => t.Contains("Trotsky", StringComparison.Ordinal) || t.Contains("Obreg", StringComparison.Ordinal));
        Assert.Equal(first[mexico], again[mexico]);
    }
}
