namespace Almanac.Core.Media;

/// <summary>An uploaded image with its alt text and credit.</summary>
public class MediaItem
{
    public int Id { get; set; }

    /// <summary>Server-generated name of the stored original; never the uploader's file name.</summary>
    public required string StorageKey { get; set; }

    public required string ContentType { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public required string AltText { get; set; }

    public string CreditText { get; set; } = "";

    public string? CreditUrl { get; set; }

    public string? Licence { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
