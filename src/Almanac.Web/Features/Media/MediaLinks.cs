using System.Globalization;
using Almanac.Core.Media;

namespace Almanac.Web.Features.Media;

/// <summary>The addresses of uploaded images: <c>/media/{id}/{width}.{webp|jpg}</c>, made only of our own numbers.</summary>
public static class MediaLinks
{
    public static string Variant(int id, int width, MediaFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"/media/{id}/{width}.{format.Extension()}");

    /// <summary>Every stored width of one format, for a <c>srcset</c>.</summary>
    public static string Srcset(int id, IEnumerable<int> widths, MediaFormat format) =>
        string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Variant(id, w, format)} {w}w")));
}
