using System.Globalization;
using SkiaSharp;

namespace Almanac.Core.Media;

/// <summary>
/// Turns an uploaded file into the variants the site serves. The format is decided by the file's
/// own bytes, never by its name or declared type; the size is read from the header and refused above
/// <see cref="MediaOptions.MaxPixels"/> before any pixel is decoded (decompression bombs); the image is
/// then decoded, turned upright by its EXIF orientation, and encoded afresh, so nothing of the upload
/// but its pixels survives (no EXIF, GPS, XMP, comments or bytes appended after the image).
/// </summary>
public static class ImageProcessor
{
    /// <summary>The widths served; a narrower image gets the smaller ones and its own width, never an upscale.</summary>
    public static IReadOnlyList<int> Widths { get; } = [480, 960, 1600];

    // WebP cannot encode a side longer than this; a variant taller than it is refused up front.
    private const int MaxSide = 16383;

    private const int WebpQuality = 80;

    private const int JpegQuality = 82;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads at most <see cref="MediaOptions.MaxUploadBytes"/> from the stream, then processes it.</summary>
    public static async Task<ImageProcessing> ProcessAsync(Stream content, MediaOptions options, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxUploadBytes)
            {
                return TooLarge(options);
            }

            buffer.Write(chunk, 0, read);
        }

        return Process(buffer.ToArray(), options);
    }

    public static ImageProcessing Process(byte[] bytes, MediaOptions options)
    {
        if (bytes.Length == 0)
        {
            return Reject(ImageRejectionReason.Empty, "The file is empty. Choose a JPEG, PNG or WebP image.");
        }

        if (bytes.Length > options.MaxUploadBytes)
        {
            return TooLarge(options);
        }

        if (Sniff(bytes) is not { } format)
        {
            return Reject(ImageRejectionReason.WrongType, "This file is not a JPEG, PNG or WebP image.");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);

        // Skia reads only the header here; a codec of another format means the signature lied.
        if (codec is null || codec.EncodedFormat != format || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Undecodable();
        }

        var info = codec.Info;
        long pixels = (long)info.Width * info.Height;
        if (pixels > options.MaxPixels)
        {
            return Reject(ImageRejectionReason.TooManyPixels, string.Create(CultureInfo.InvariantCulture,
                $"This image is {info.Width} × {info.Height} pixels, more than the {options.MaxPixels / 1_000_000.0:0.#} megapixels allowed. Make it smaller and upload it again."));
        }

        var origin = codec.EncodedOrigin;
        bool turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int width = turned ? info.Height : info.Width;
        int height = turned ? info.Width : info.Height;
        var widths = VariantWidths(width);
        if (widths.Any(w => VariantHeight(width, height, w) > MaxSide))
        {
            return Reject(ImageRejectionReason.BadShape, "This image is too tall for its width to be shown on a page. Crop it and upload it again.");
        }

        using var decoded = Decode(codec, turned);
        if (decoded is null)
        {
            return Undecodable();
        }

        decoded.SetImmutable();
        using var source = SKImage.FromBitmap(decoded);
        bool opaque = info.AlphaType == SKAlphaType.Opaque;
        var variants = new List<ImageVariant>(widths.Count * 2);
        foreach (int w in widths)
        {
            int h = VariantHeight(width, height, w);
            using var upright = Draw(source, origin, turned, w, h, opaque ? SKColors.White : SKColors.Transparent);
            using var webp = upright.PeekPixels().Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality));

            // JPEG has no transparency: a transparent image is laid on white first.
            using var flat = opaque ? null : Flatten(upright);
            using var jpeg = (flat ?? upright).PeekPixels().Encode(new SKJpegEncoderOptions(JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
            if (webp is null || jpeg is null)
            {
                return Undecodable();
            }

            variants.Add(new ImageVariant(w, h, MediaFormat.Webp, webp.ToArray()));
            variants.Add(new ImageVariant(w, h, MediaFormat.Jpeg, jpeg.ToArray()));
        }

        return new ImageProcessing(new ProcessedImage(ContentTypeOf(format), width, height, bytes.Length, variants), null);
    }

    /// <summary>480, 960 and 1600, leaving out those wider than the image and adding its own width when it is narrower than 1600.</summary>
    public static IReadOnlyList<int> VariantWidths(int width) =>
        [.. Widths.Where(w => w < width).Append(Math.Min(width, Widths[^1])).Distinct()];

    /// <summary>The height of a variant, keeping the image's proportions (at least one pixel).</summary>
    public static int VariantHeight(int width, int height, int variantWidth) =>
        Math.Max(1, (int)Math.Round((double)height * variantWidth / width, MidpointRounding.AwayFromZero));

    /// <summary>The format the signature at the start of the file names, if it is one we take.</summary>
    internal static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (bytes.StartsWith(PngSignature))
        {
            return SKEncodedImageFormat.Png;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }

        return null;
    }

    private static string ContentTypeOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Png => "image/png",
        _ => "image/webp",
    };

    /// <summary>
    /// Decodes into sRGB. A JPEG far wider than the largest variant is decoded at a reduced scale
    /// (its decoder does that cheaply), so a 40-megapixel photo never needs its full-size bitmap.
    /// Returns null for a damaged or incomplete file.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, bool turned)
    {
        var size = codec.Info.Size;
        int uprightWidth = turned ? size.Height : size.Width;
        if (uprightWidth > Widths[^1])
        {
            var scaled = codec.GetScaledDimensions((float)Widths[^1] / uprightWidth);
            if ((turned ? scaled.Height : scaled.Width) >= Widths[^1])
            {
                size = scaled;
            }
        }

        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }

        // A truncated file decodes "incompletely" (the rest left blank): refused like a broken one.
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    /// <summary>Draws the decoded pixels upright at the variant's size.</summary>
    private static SKImage Draw(SKImage source, SKEncodedOrigin origin, bool turned, int width, int height, SKColor background)
    {
        float uprightWidth = turned ? source.Height : source.Width;
        float uprightHeight = turned ? source.Width : source.Height;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        var canvas = surface.Canvas;
        canvas.Clear(background);
        canvas.SetMatrix(SKMatrix.CreateScale(width / uprightWidth, height / uprightHeight).PreConcat(Upright(origin, uprightWidth, uprightHeight)));
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        return surface.Snapshot();
    }

    private static SKImage Flatten(SKImage image)
    {
        using var surface = SKSurface.Create(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return surface.Snapshot();
    }

    /// <summary>
    /// Maps the stored pixels onto the upright picture of size <paramref name="w"/> × <paramref name="h"/>,
    /// one matrix per EXIF orientation (x' = a·x + b·y + c, y' = d·x + e·y + f).
    /// </summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),    // mirrored
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1), // upside down
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),   // mirrored vertically
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),       // transposed
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),     // turned a quarter clockwise
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1), // transverse
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),   // turned a quarter anticlockwise
        _ => SKMatrix.Identity,
    };

    private static ImageProcessing TooLarge(MediaOptions options) => Reject(ImageRejectionReason.TooLarge, string.Create(CultureInfo.InvariantCulture,
        $"This file is larger than {options.MaxUploadBytes / (1024.0 * 1024.0):0.#} MB. Upload a smaller image."));

    private static ImageProcessing Undecodable() =>
        Reject(ImageRejectionReason.Undecodable, "This image is damaged or incomplete and cannot be read.");

    private static ImageProcessing Reject(ImageRejectionReason reason, string message) => new(null, new ImageRejection(reason, message));
}

/// <summary>The outcome of processing an upload: the image, or why it was refused (exactly one is set).</summary>
public sealed record ImageProcessing(ProcessedImage? Image, ImageRejection? Rejection);

/// <summary>An accepted upload: its detected type, upright size, upload size and encoded variants.</summary>
public sealed record ProcessedImage(string SourceContentType, int Width, int Height, long SourceBytes, IReadOnlyList<ImageVariant> Variants)
{
    public IReadOnlyList<int> VariantWidths => [.. Variants.Select(v => v.Width).Distinct()];
}

public sealed record ImageVariant(int Width, int Height, MediaFormat Format, byte[] Bytes);

public enum ImageRejectionReason
{
    Empty,
    TooLarge,
    WrongType,
    Undecodable,
    TooManyPixels,
    BadShape,
}

/// <summary>Why an upload was refused, in words for the person who sent it.</summary>
public sealed record ImageRejection(ImageRejectionReason Reason, string Message);
