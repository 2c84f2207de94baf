using SkiaSharp;

namespace Almanac.Core.Media;

/// <summary>
/// The generated cover of a story without a photo: its year and title typeset on a colour field.
/// It doubles as the share image, so it has the 1200×630 shape social sites expect, and it is
/// rendered only in the widths of <see cref="Widths"/> (never a size a request chooses freely).
/// </summary>
public static class CoverImage
{
    public static IReadOnlyList<int> Widths { get; } = [480, 960, 1200];

    public const int ShareWidth = 1200;

    public const string Credit = "Illustration: Almanac";

    public static int HeightFor(int width) => width * 630 / 1200;

    // Deep colours that keep white text above WCAG AA contrast (each at least 7:1 against white).
    private static readonly SKColor[] Fields =
    [
        new(0x1F, 0x3A, 0x5F), new(0x5B, 0x21, 0x2E), new(0x23, 0x4D, 0x3A), new(0x4A, 0x2C, 0x5E),
        new(0x6B, 0x3A, 0x12), new(0x1E, 0x4E, 0x57), new(0x3D, 0x3D, 0x46), new(0x5C, 0x2A, 0x4A),
    ];

    // Looked up once: fontconfig look-ups are slow and not safe to run from many threads at once;
    // a typeface, once loaded, is immutable and shared freely.
    private static readonly SKTypeface Serif = SKTypeface.FromFamilyName("DejaVu Serif", SKFontStyle.Bold) ?? SKTypeface.Default;

    private static readonly SKTypeface Sans = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Normal) ?? SKTypeface.Default;

    public static SKColor FieldFor(string key)
    {
        // A stable hash (string.GetHashCode is randomised per process) so a story keeps its colour.
        uint h = 2166136261;
        foreach (var c in key)
        {
            h = (h ^ c) * 16777619;
        }

        return Fields[h % (uint)Fields.Length];
    }

    public enum Format
    {
        Png,
        Webp,
    }

    public static byte[] Render(string yearLabel, string title, string kindLabel, string key, int width, Format format)
    {
        if (!Widths.Contains(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Covers are rendered only in the fixed widths.");
        }

        int height = HeightFor(width);
        float scale = width / 1200f;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var field = FieldFor(key);
        canvas.Clear(field);

        using var accent = new SKPaint { Color = new SKColor(255, 255, 255, 40), IsAntialias = true };
        canvas.DrawCircle(width * 0.92f, height * 0.1f, 260 * scale, accent);
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawRect(72 * scale, 84 * scale, 96 * scale, 6 * scale, white);
        using var soft = new SKPaint { Color = new SKColor(255, 255, 255, 220), IsAntialias = true };
        using var kindFont = new SKFont(Sans, 28 * scale);
        canvas.DrawText(kindLabel.ToUpperInvariant(), 72 * scale, 140 * scale, SKTextAlign.Left, kindFont, soft);

        using var yearFont = new SKFont(Serif, 120 * scale);
        canvas.DrawText(yearLabel, 72 * scale, 270 * scale, SKTextAlign.Left, yearFont, white);

        using var titleFont = new SKFont(Serif, 52 * scale);
        float y = 360 * scale;
        foreach (var line in Wrap(title, titleFont, width - (144 * scale), maxLines: 3))
        {
            canvas.DrawText(line, 72 * scale, y, SKTextAlign.Left, titleFont, white);
            y += 66 * scale;
        }

        using var image = surface.Snapshot();
        using var data = format == Format.Webp
            ? image.Encode(SKEncodedImageFormat.Webp, 82)
            : image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    internal static List<string> Wrap(string text, SKFont font, float maxWidth, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (font.MeasureText(candidate) <= maxWidth || current.Length == 0)
            {
                current = candidate;
                continue;
            }

            lines.Add(current);
            current = word;
            if (lines.Count == maxLines)
            {
                break;
            }
        }

        if (lines.Count < maxLines && current.Length > 0)
        {
            lines.Add(current);
        }
        else if (lines.Count == maxLines && current.Length > 0)
        {
            lines[^1] = lines[^1].TrimEnd('.', ',', ';') + "…";
        }

        return lines;
    }
}
