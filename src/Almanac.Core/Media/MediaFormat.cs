namespace Almanac.Core.Media;

/// <summary>The formats variants are served in: WebP for browsers that take it, JPEG for the rest.</summary>
public enum MediaFormat
{
    Webp = 0,
    Jpeg = 1,
}

public static class MediaFormats
{
    public static IReadOnlyList<MediaFormat> All { get; } = [MediaFormat.Webp, MediaFormat.Jpeg];

    /// <summary>The file extension in URLs and store keys.</summary>
    public static string Extension(this MediaFormat format) => format == MediaFormat.Webp ? "webp" : "jpg";

    public static string ContentType(this MediaFormat format) => format == MediaFormat.Webp ? "image/webp" : "image/jpeg";

    public static bool TryParseExtension(string extension, out MediaFormat format)
    {
        switch (extension)
        {
            case "webp":
                format = MediaFormat.Webp;
                return true;
            case "jpg":
                format = MediaFormat.Jpeg;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
