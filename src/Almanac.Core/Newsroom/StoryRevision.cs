namespace Almanac.Core.Newsroom;

/// <summary>
/// One saved version of a story's editable fields, kept on every save from the editor. The fields
/// are a JSON <see cref="StorySnapshot"/>, so a later change to the story's columns does not need a
/// migration of old revisions.
/// </summary>
public class StoryRevision
{
    public int Id { get; set; }

    public int StoryId { get; set; }

    /// <summary>1, 2, 3 … per story.</summary>
    public int Number { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The newsroom user who saved it; null for the baseline taken of a story made outside the editor.</summary>
    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    /// <summary>The names of the fields that differ from the revision before, comma-separated ("Title,Body").</summary>
    public string ChangedFields { get; set; } = "";

    /// <summary>What was done: "create", "update", "restore 3", "baseline" …</summary>
    public string Note { get; set; } = "";

    /// <summary>The <see cref="StorySnapshot"/> as JSON.</summary>
    public string Snapshot { get; set; } = "";

    public IReadOnlyList<string> Changed => ChangedFields.Length == 0 ? [] : ChangedFields.Split(',');
}
