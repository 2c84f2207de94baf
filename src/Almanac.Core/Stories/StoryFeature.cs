namespace Almanac.Core.Stories;

/// <summary>Marks a story as the story of the day for one calendar day; one per day.</summary>
public class StoryFeature
{
    public int Month { get; set; }

    public int Day { get; set; }

    public int StoryId { get; set; }

    public Story? Story { get; set; }
}
