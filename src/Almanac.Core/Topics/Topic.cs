namespace Almanac.Core.Topics;

/// <summary>A person, place or other tag with a page of its own.</summary>
public class Topic
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";
}
