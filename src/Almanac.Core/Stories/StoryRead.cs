namespace Almanac.Core.Stories;

/// <summary>
/// How many times readers opened a story on one UTC day. Only this aggregate is stored: no reader,
/// address or time of day (see Almanac.Web's Features/MostRead).
/// </summary>
public class StoryRead
{
    public int StoryId { get; set; }

    public DateOnly Day { get; set; }

    public int Count { get; set; }
}
