using Almanac.Core.Media;
using SkiaSharp;

namespace Almanac.Core.Tests.Media;

public class CoverImageTests
{
    [Theory]
    [InlineData(480, CoverImage.Format.Webp)]
    [InlineData(1200, CoverImage.Format.Png)]
    public void Render_ProducesADecodableImageOfTheShareShape(int width, CoverImage.Format format)
    {
        var bytes = CoverImage.Render("1924", "Diplomatic Relations Established between Mexico and the USSR", "Historical event", "slug", width, format);

        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(width * 630 / 1200, bitmap.Height);
    }

    [Fact]
    public void Render_DrawsTextOnTheField()
    {
        var bytes = CoverImage.Render("1924", "Title", "Historical event", "slug", 480, CoverImage.Format.Png);
        using var bitmap = SKBitmap.Decode(bytes);
        var field = CoverImage.FieldFor("slug");

        // White text pixels exist where the year is drawn; the far corner is the plain field.
        bool anyWhite = false;
        for (int x = 20; x < 200 && !anyWhite; x++)
        {
            for (int y = 60; y < 110 && !anyWhite; y++)
            {
                var p = bitmap.GetPixel(x, y);
                anyWhite = p.Red > 240 && p.Green > 240 && p.Blue > 240;
            }
        }

        Assert.True(anyWhite, "the year should be drawn in white");
        Assert.Equal(field, bitmap.GetPixel(5, bitmap.Height - 5));
    }

    [Fact]
    public void Render_RefusesWidthsOutsideTheFixedList() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverImage.Render("1924", "T", "K", "s", 4000, CoverImage.Format.Png));

    [Fact]
    public void FieldFor_IsStableForAKey() =>
        Assert.Equal(CoverImage.FieldFor("1924-mexico"), CoverImage.FieldFor("1924-mexico"));
}
