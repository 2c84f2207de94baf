using System.Text;
using Almanac.Core.Media;
using SkiaSharp;

namespace Almanac.Core.Tests.Media;

public class ImageProcessorTests
{
    private static readonly MediaOptions Limits = new();

    [Fact]
    public void Process_StripsExifAndGpsFromEveryVariant()
    {
        var upload = TestImages.JpegWithExif(800, 600, orientation: 1);
        Assert.Contains(TestImages.SecretMarker, Encoding.ASCII.GetString(upload), StringComparison.Ordinal);

        var image = Accept(upload);

        Assert.Equal("image/jpeg", image.SourceContentType);
        Assert.All(image.Variants, v =>
        {
            var text = Encoding.ASCII.GetString(v.Bytes);
            Assert.DoesNotContain(TestImages.SecretMarker, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
            Assert.DoesNotContain("EXIF", text, StringComparison.Ordinal);
            Assert.DoesNotContain("XMP", text, StringComparison.Ordinal);
            Assert.Equal(-1, v.Bytes.AsSpan().IndexOf(TestImages.LatitudeBytes));
            using var codec = SKCodec.Create(new MemoryStream(v.Bytes));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        });
        Assert.All(image.Variants.Where(v => v.Format == MediaFormat.Jpeg), v => Assert.DoesNotContain((byte)0xE1, TestImages.JpegMarkers(v.Bytes)));
    }

    [Fact]
    public void Process_TurnsThePictureUprightByItsExifOrientation()
    {
        // Stored 200 × 100 with red on the left; orientation 6 says "turn a quarter clockwise to view".
        var image = Accept(TestImages.JpegWithExif(200, 100, orientation: 6));

        Assert.Equal((100, 200), (image.Width, image.Height));
        var variant = image.Variants.Single(v => v.Format == MediaFormat.Webp);
        using var bitmap = SKBitmap.Decode(variant.Bytes);
        Assert.Equal((100, 200), (bitmap.Width, bitmap.Height));
        AssertNear(SKColors.Red, bitmap.GetPixel(50, 30));
        AssertNear(SKColors.Blue, bitmap.GetPixel(50, 170));
    }

    [Fact]
    public void Process_MakesThreeWidthsInWebpAndJpegFromALargeImage()
    {
        var image = Accept(TestImages.Png(2000, 1000));

        Assert.Equal("image/png", image.SourceContentType);
        Assert.Equal([480, 960, 1600], image.VariantWidths);
        Assert.Equal(6, image.Variants.Count);
        foreach (var v in image.Variants)
        {
            using var codec = SKCodec.Create(new MemoryStream(v.Bytes));
            Assert.Equal(v.Format == MediaFormat.Webp ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal(v.Width, codec.Info.Width);
            Assert.Equal(v.Width / 2, codec.Info.Height);
            Assert.Equal(v.Height, codec.Info.Height);
        }
    }

    [Theory]
    [InlineData(700, new[] { 480, 700 })]
    [InlineData(960, new[] { 480, 960 })]
    [InlineData(300, new[] { 300 })]
    [InlineData(1600, new[] { 480, 960, 1600 })]
    public void Process_NeverUpscales(int width, int[] expected)
    {
        var image = Accept(TestImages.Png(width, 200));

        Assert.Equal(expected, image.VariantWidths);
        Assert.Equal(image.Width, width);
        using var largest = SKBitmap.Decode(image.Variants[^1].Bytes);
        Assert.Equal(expected[^1], largest.Width);
    }

    [Fact]
    public void Process_DecodesALargeJpegAtReducedScaleAndStillMakesTheFullWidths()
    {
        using var bitmap = TestImages.TwoColours(4000, 3000);
        var image = Accept(TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg));

        Assert.Equal((4000, 3000), (image.Width, image.Height));
        var largest = image.Variants.Single(v => v.Width == 1600 && v.Format == MediaFormat.Jpeg);
        using var decoded = SKBitmap.Decode(largest.Bytes);
        Assert.Equal((1600, 1200), (decoded.Width, decoded.Height));
        AssertNear(SKColors.Red, decoded.GetPixel(200, 600));
        AssertNear(SKColors.Blue, decoded.GetPixel(1400, 600));
    }

    [Fact]
    public void Process_AcceptsWebpAndKeepsTransparencyInWebpButLaysJpegOnWhite()
    {
        using var bitmap = TestImages.TwoColours(600, 300, transparentRight: true);
        var image = Accept(TestImages.Encode(bitmap, SKEncodedImageFormat.Webp, 100));

        Assert.Equal("image/webp", image.SourceContentType);
        using var webp = SKBitmap.Decode(image.Variants.Single(v => v.Width == 600 && v.Format == MediaFormat.Webp).Bytes);
        using var jpeg = SKBitmap.Decode(image.Variants.Single(v => v.Width == 600 && v.Format == MediaFormat.Jpeg).Bytes);
        Assert.True(webp.GetPixel(500, 150).Alpha < 10, "the transparent half stays transparent in WebP");
        AssertNear(SKColors.White, jpeg.GetPixel(500, 150));
        AssertNear(SKColors.Red, jpeg.GetPixel(100, 150));
    }

    [Fact]
    public void Process_DropsBytesAppendedAfterTheImage()
    {
        var polyglot = TestImages.Png(640, 320).Concat(Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>")).ToArray();

        var image = Accept(polyglot);

        Assert.All(image.Variants, v => Assert.DoesNotContain("<script", Encoding.ASCII.GetString(v.Bytes), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Just some notes about the photo.\n")]
    [InlineData("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    public void Process_RefusesFilesThatAreNotJpegPngOrWebp(string content)
    {
        var rejection = Refuse(Encoding.UTF8.GetBytes(content));

        Assert.Equal(ImageRejectionReason.WrongType, rejection.Reason);
        Assert.Equal("This file is not a JPEG, PNG or WebP image.", rejection.Message);
    }

    [Fact]
    public void Process_RefusesARealImageOfAnotherFormat()
    {
        // A BMP that Skia itself would decode: decoding is possible, but the format is not ours to take.
        var bmp = BuildBmp(20, 20);
        Assert.NotNull(SKBitmap.Decode(bmp));

        Assert.Equal(ImageRejectionReason.WrongType, Refuse(bmp).Reason);
    }

    [Fact]
    public void Process_RefusesATruncatedJpeg()
    {
        using var noise = TestImages.Noise(600, 400);
        var jpeg = TestImages.Encode(noise, SKEncodedImageFormat.Jpeg);

        var rejection = Refuse(jpeg[..(jpeg.Length / 2)]);

        Assert.Equal(ImageRejectionReason.Undecodable, rejection.Reason);
        Assert.Equal("This image is damaged or incomplete and cannot be read.", rejection.Message);
    }

    [Fact]
    public void Process_RefusesAJpegWhoseHeaderIsCutOff()
    {
        using var bitmap = TestImages.TwoColours(100, 100);
        var jpeg = TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg);

        Assert.Equal(ImageRejectionReason.Undecodable, Refuse(jpeg[..40]).Reason);
    }

    [Fact]
    public void Process_RefusesATinyPngClaimingThirtyThousandPixelsSquareByItsHeader()
    {
        var bomb = TestImages.PngClaiming(30000, 30000);
        Assert.True(bomb.Length < 100, "the file itself is tiny");
        using (var codec = SKCodec.Create(new MemoryStream(bomb)))
        {
            // The header is valid (its CRC checks out): Skia reads the claimed size from it.
            Assert.Equal(30000, codec.Info.Width);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var rejection = Refuse(bomb);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(ImageRejectionReason.TooManyPixels, rejection.Reason);
        Assert.Contains("30000 × 30000", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("40 megapixels", rejection.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1_000_000, $"refusing it allocated {allocated} bytes");
    }

    [Fact]
    public void Process_TakesThePixelLimitFromTheSettings()
    {
        var png = TestImages.Png(30, 30);

        Assert.Equal(ImageRejectionReason.TooManyPixels, Refuse(png, new MediaOptions { MaxPixels = 899 }).Reason);
        Assert.NotNull(ImageProcessor.Process(png, new MediaOptions { MaxPixels = 900 }).Image);
    }

    [Fact]
    public void Process_RefusesAFileOverTheUploadLimit()
    {
        var png = TestImages.Png(300, 300);

        var rejection = Refuse(png, new MediaOptions { MaxUploadBytes = png.Length - 1 });

        Assert.Equal(ImageRejectionReason.TooLarge, rejection.Reason);
        Assert.StartsWith("This file is larger than", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_StopsReadingAtTheUploadLimit()
    {
        using var endless = new TestImages.Endless();

        var result = await ImageProcessor.ProcessAsync(endless, new MediaOptions { MaxUploadBytes = 100_000 }, TestContext.Current.CancellationToken);

        Assert.Equal(ImageRejectionReason.TooLarge, result.Rejection?.Reason);
        Assert.InRange(endless.BytesRead, 100_000, 200_000);
    }

    [Fact]
    public void Process_RefusesAnEmptyFile() =>
        Assert.Equal(ImageRejectionReason.Empty, Refuse([]).Reason);

    [Fact]
    public void Process_RefusesAnImageTooTallToEncode()
    {
        var rejection = Refuse(TestImages.Png(10, 20000));

        Assert.Equal(ImageRejectionReason.BadShape, rejection.Reason);
    }

    [Fact]
    public void Crc32_MatchesTheKnownValueForIend() =>
        // Every PNG ends with IEND and this CRC: the helper that signs the crafted header is right.
        Assert.Equal(0xAE426082u, TestImages.Crc32("IEND"u8));

    private static ProcessedImage Accept(byte[] bytes)
    {
        var result = ImageProcessor.Process(bytes, Limits);
        Assert.True(result.Image is not null, result.Rejection?.Message);
        Assert.Null(result.Rejection);
        return result.Image;
    }

    private static ImageRejection Refuse(byte[] bytes, MediaOptions? options = null)
    {
        var result = ImageProcessor.Process(bytes, options ?? Limits);
        Assert.Null(result.Image);
        Assert.NotNull(result.Rejection);
        return result.Rejection;
    }

    private static void AssertNear(SKColor expected, SKColor actual)
    {
        Assert.True(
            Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40,
            $"expected about {expected}, found {actual}");
    }

    /// <summary>A 24-bit BMP, written by hand.</summary>
    private static byte[] BuildBmp(int width, int height)
    {
        int row = ((width * 3) + 3) & ~3;
        int size = 54 + (row * height);
        var bmp = new byte[size];
        var span = bmp.AsSpan();
        "BM"u8.CopyTo(span);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[2..], size);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[10..], 54);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[18..], width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[22..], height);
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(span[28..], 24);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(span[34..], row * height);
        return bmp;
    }
}
