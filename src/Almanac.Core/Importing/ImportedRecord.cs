namespace Almanac.Core.Importing;

/// <summary>
/// Remembers one record brought in from outside, keyed on where it came from: (<see cref="Source"/>,
/// <see cref="SourceId"/>), e.g. ("wxr:example.org", "post:42"). An import looks its records up here
/// first, so a second run of the same file changes nothing and a run killed half-way resumes.
/// </summary>
public class ImportedRecord
{
    public const int MaxSourceLength = 100;

    public const int MaxSourceIdLength = 200;

    public required string Source { get; set; }

    public required string SourceId { get; set; }

    /// <summary>What the record became: see <see cref="ImportedKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Id of the story, media item or comment made from it; null for records kept for later (pingbacks) and for users (their id is in <see cref="Data"/>).</summary>
    public int? TargetId { get; set; }

    /// <summary>Hash of the record as read, so <c>--update</c> leaves unchanged records alone.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>What the source said that Almanac has no column for yet (post meta, pingbacks), as JSON.</summary>
    public string? Data { get; set; }

    public DateTime ImportedAtUtc { get; set; }
}

public static class ImportedKinds
{
    public const string Story = "story";
    public const string Media = "media";
    public const string Comment = "comment";
    public const string User = "user";

}
