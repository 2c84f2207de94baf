namespace Almanac.Core.Stories;

/// <summary>A source or further reading for a story.</summary>
public class Source
{
    public int Id { get; set; }

    public int StoryId { get; set; }

    public int Position { get; set; }

    public required string Title { get; set; }

    public string? Url { get; set; }
}
