using Almanac.Core.Media;

namespace Almanac.Web.Features.Media;

/// <summary>
/// What <c>_MediaPicture.cshtml</c> needs to write a <c>&lt;picture&gt;</c>: WebP sources with a JPEG
/// fallback, the layout size (<c>sizes</c>) and the intrinsic size, so the page does not jump as it loads.
/// </summary>
public sealed record MediaPicture(int Id, IReadOnlyList<int> Widths, int Width, int Height, string Alt, string Sizes, bool Lazy = true)
{
    public int LargestWidth => Widths.Count > 0 ? Widths.Max() : Width;

    public int LargestHeight => ImageProcessor.VariantHeight(Width, Height, LargestWidth);

    /// <summary>The JPEG a browser without srcset support shows: the widest up to 960 pixels.</summary>
    public string FallbackSrc => MediaLinks.Variant(Id, Widths.Where(w => w <= 960).DefaultIfEmpty(LargestWidth).Max(), MediaFormat.Jpeg);

    public string Srcset(MediaFormat format) => MediaLinks.Srcset(Id, Widths, format);
}
