using System.ComponentModel.DataAnnotations;

namespace Almanac.Core.Media;

/// <summary>Upload limits and where the image variants are kept. Bound from the <c>Media</c> section.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The largest upload accepted, in bytes (10 MiB).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// The most pixels (width × height, read from the header) an image may have. Decoding needs four
    /// bytes a pixel, so this bounds the memory one upload can take (40 megapixels: 160 MB).
    /// </summary>
    [Range(1, 200_000_000)]
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary><c>Database</c> (the default; every node shares it) or <c>FileSystem</c> (one machine, under <see cref="Path"/>).</summary>
    public MediaStoreKind Store { get; set; } = MediaStoreKind.Database;

    /// <summary>The folder of the file-system store.</summary>
    public string Path { get; set; } = "./data/media";
}

public enum MediaStoreKind
{
    Database = 0,
    FileSystem = 1,
}
