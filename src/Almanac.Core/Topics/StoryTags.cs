namespace Almanac.Core.Topics;

/// <summary>Join row of a story and a topic; queried directly to rank related stories by shared topics.</summary>
public class StoryTopic
{
    public int StoryId { get; set; }

    public int TopicId { get; set; }
}

/// <summary>Join row of a story and a category.</summary>
public class StoryCategory
{
    public int StoryId { get; set; }

    public int CategoryId { get; set; }
}
