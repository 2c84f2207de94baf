namespace Almanac.Core.Stories;

/// <summary>
/// A stored related-story link, computed when stories change (<see cref="RelatedStories"/>), so a
/// story page reads its related stories with one indexed query.
/// </summary>
public class StoryRelation
{
    public int StoryId { get; set; }

    public int Rank { get; set; }

    public int RelatedStoryId { get; set; }

    public Story? RelatedStory { get; set; }

    /// <summary>The blended score of <see cref="RelatedStories.Score"/>, higher for closer stories.</summary>
    public double Score { get; set; }
}
