namespace Almanac.Core.Media;

/// <summary>One stored image variant in the database store.</summary>
public class MediaBlob
{
    public required string Key { get; set; }

    public required byte[] Bytes { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
