namespace Almanac.Core.Media;

/// <summary>An uploaded image with its alt text and credit, kept as re-encoded variants (never the original file).</summary>
public class MediaItem
{
    public int Id { get; set; }

    /// <summary>Server-generated prefix of the stored variants' keys (see <see cref="MediaKeys"/>); never the uploader's file name.</summary>
    public required string StorageKey { get; set; }

    /// <summary>The type of the uploaded file as its content showed it: image/jpeg, image/png or image/webp.</summary>
    public required string ContentType { get; set; }

    /// <summary>Width of the upright image as uploaded (after its EXIF orientation).</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>The widths stored, each as WebP and JPEG, smallest first.</summary>
    public List<int> VariantWidths { get; set; } = [];

    /// <summary>The uploader's file name, kept only to find the image again; never part of a key or URL.</summary>
    public string OriginalFileName { get; set; } = "";

    /// <summary>The size of the uploaded file in bytes.</summary>
    public long ByteSize { get; set; }

    public required string AltText { get; set; }

    public string CreditText { get; set; } = "";

    public string? CreditUrl { get; set; }

    public string? Licence { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
