namespace Almanac.Core.Topics;

/// <summary>An editor-defined theme such as "Politics &amp; Government".</summary>
public class Category
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";
}
