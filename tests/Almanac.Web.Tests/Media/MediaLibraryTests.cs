using System.Text;
using Almanac.Core.Media;
using Almanac.Core.Tests.Media;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Almanac.Web.Tests.Media;

public class MediaLibraryTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task Upload_StoresVariantsWithoutTheExifAndGpsOfTheOriginal()
    {
        var item = await app.UploadAsync(TestImages.JpegWithExif(1200, 800, orientation: 1), "IMG_2041.JPG");

        Assert.Equal("image/jpeg", item.ContentType);
        Assert.Equal([480, 960, 1200], item.VariantWidths);
        Assert.Matches("^[0-9a-f]{32}$", item.StorageKey);
        foreach (int width in item.VariantWidths)
        {
            foreach (var format in MediaFormats.All)
            {
                var stored = await app.StoredAsync(MediaKeys.Variant(item.StorageKey, width, format));
                Assert.NotNull(stored);
                Assert.DoesNotContain(TestImages.SecretMarker, Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
                Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
                Assert.Equal(-1, stored.AsSpan().IndexOf(TestImages.LatitudeBytes));
                using var codec = SKCodec.Create(new MemoryStream(stored));
                Assert.Equal(format == MediaFormat.Webp ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
                Assert.Equal(width, codec.Info.Width);
            }
        }
    }

    [Fact]
    public async Task Upload_TakesAPngNamedJpgAsPng()
    {
        var item = await app.UploadAsync(TestImages.Png(500, 250), "holiday.jpg");

        Assert.Equal("image/png", item.ContentType);
        Assert.Equal("holiday.jpg", item.OriginalFileName);
        Assert.Equal([480, 500], item.VariantWidths);
    }

    [Theory]
    [InlineData("notes.jpg", "These are my notes, not a picture.")]
    [InlineData("page.jpg", "<html><body><script>alert(1)</script></body></html>")]
    [InlineData("drawing.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    public async Task Upload_RefusesTextHtmlAndSvgNamedJpgAndStoresNothing(string name, string content)
    {
        var (items, blobs) = await CountsAsync();

        var upload = await app.TryUploadAsync(Encoding.UTF8.GetBytes(content), name);

        Assert.False(upload.Succeeded);
        var problem = Assert.Single(upload.Problems);
        Assert.Equal(MediaLibrary.Fields.File, problem.Field);
        Assert.Equal("This file is not a JPEG, PNG or WebP image.", problem.Message);
        Assert.Equal((items, blobs), await CountsAsync());
    }

    [Fact]
    public async Task Upload_RefusesATruncatedJpeg()
    {
        using var noise = TestImages.Noise(400, 300);
        var jpeg = TestImages.Encode(noise, SKEncodedImageFormat.Jpeg);

        var upload = await app.TryUploadAsync(jpeg[..(jpeg.Length * 2 / 3)]);

        Assert.Equal("This image is damaged or incomplete and cannot be read.", Assert.Single(upload.Problems).Message);
    }

    [Fact]
    public async Task Upload_RefusesAHeaderClaimingThirtyThousandPixelsSquare()
    {
        var upload = await app.TryUploadAsync(TestImages.PngClaiming(30000, 30000), "small.png");

        Assert.Contains("30000 × 30000", Assert.Single(upload.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_RequiresAltTextAndAWebAddressAsCreditLink()
    {
        var (items, blobs) = await CountsAsync();

        var upload = await app.TryUploadAsync(TestImages.Png(100, 100), altText: "  ", creditUrl: "javascript:alert(1)");

        Assert.Equal([MediaLibrary.Fields.AltText, MediaLibrary.Fields.CreditUrl], upload.Problems.Select(p => p.Field));
        Assert.Equal((items, blobs), await CountsAsync());
    }

    [Fact]
    public async Task Upload_KeepsOnlyTheLastPartOfAPathLikeFileNameAndNoControlCharacters()
    {
        var item = await app.UploadAsync(TestImages.Png(100, 100), "C:\\Users\\ed\\..\\..\\evil\u0000name.png", altText: "Alt\u0000text");

        Assert.Equal("evilname.png", item.OriginalFileName);
        Assert.Equal("Alttext", item.AltText);
        Assert.DoesNotContain("evil", item.StorageKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FindsByAltTextCreditAndFileNameIgnoringCase_AndPages()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        var png = TestImages.Png(100, 100);
        var byAlt = await app.UploadAsync(png, "a.png", altText: $"Harbour at dawn {tag}A");
        var byCredit = await app.UploadAsync(png, "b.png", creditText: $"Studio {tag}B");
        var byName = await app.UploadAsync(png, $"scan-{tag}C.png");
        await using var scope = app.OpenDb();
        var library = scope.Services.GetRequiredService<MediaLibrary>();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal([byAlt.Id], (await library.ListAsync($"HARBOUR AT DAWN {tag}a", 1, ct: ct)).Items.Select(i => i.Id));
        Assert.Equal([byCredit.Id], (await library.ListAsync($"studio {tag}b", 1, ct: ct)).Items.Select(i => i.Id));
        Assert.Equal([byName.Id], (await library.ListAsync($"{tag}C.PNG", 1, ct: ct)).Items.Select(i => i.Id));
        Assert.Empty((await library.ListAsync($"{tag}%", 1, ct: ct)).Items);

        var all = await library.ListAsync(tag, 1, pageSize: 2, ct: ct);
        Assert.Equal((3, 2), (all.Total, all.PageCount));
        Assert.Equal([byName.Id, byCredit.Id], all.Items.Select(i => i.Id));
        var second = await library.ListAsync(tag, 2, pageSize: 2, ct: ct);
        Assert.Equal([byAlt.Id], second.Items.Select(i => i.Id));
        Assert.Equal(byCredit.Id, (await library.GetAsync(byCredit.Id, ct))?.Id);
        Assert.Null(await library.GetAsync(-1, ct));
    }

    private async Task<(int Items, int Blobs)> CountsAsync()
    {
        await using var scope = app.OpenDb();
        var ct = TestContext.Current.CancellationToken;
        return (await scope.Db.Media.CountAsync(ct), await scope.Db.MediaBlobs.CountAsync(ct));
    }
}
