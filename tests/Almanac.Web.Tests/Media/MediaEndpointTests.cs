using System.Net;
using System.Net.Http.Headers;
using Almanac.Core.Tests.Media;
using Almanac.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Almanac.Web.Tests.Media;

public class MediaEndpointTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Theory]
    [InlineData(480, "webp", "image/webp", SKEncodedImageFormat.Webp)]
    [InlineData(700, "jpg", "image/jpeg", SKEncodedImageFormat.Jpeg)]
    public async Task Variant_IsServedImmutableWithItsTypeEtagAndARestrictivePolicy(int width, string extension, string contentType, SKEncodedImageFormat format)
    {
        var item = await app.UploadAsync(TestImages.Png(700, 350), "page.html");
        var client = app.CreateReaderClient();

        var response = await client.GetAsync($"/media/{item.Id}/{width}.{extension}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Content.Headers.ContentDisposition);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.Equal(format, codec.EncodedFormat);
        Assert.Equal(width, codec.Info.Width);
    }

    [Fact]
    public async Task Variant_AnswersNotModifiedToItsOwnEtag()
    {
        var item = await app.UploadAsync(TestImages.Png(500, 500));
        var client = app.CreateReaderClient();
        var path = $"/media/{item.Id}/480.webp";
        var first = await client.GetAsync(path, TestContext.Current.CancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Variant_ServesTheSameBytesThatWereStored()
    {
        var item = await app.UploadAsync(TestImages.Png(480, 240));

        var served = await app.CreateReaderClient().GetByteArrayAsync($"/media/{item.Id}/480.jpg", TestContext.Current.CancellationToken);

        Assert.Equal(await app.StoredAsync(Core.Media.MediaKeys.Variant(item.StorageKey, 480, Core.Media.MediaFormat.Jpeg)), served);
    }

    [Fact]
    public async Task UnknownImagesWidthsAndFormats_AreNotFound()
    {
        var item = await app.UploadAsync(TestImages.Png(700, 350));
        var client = app.CreateReaderClient();

        foreach (var path in new[]
        {
            "/media/999999/480.webp",
            $"/media/{item.Id}/1600.webp",  // never upscaled, so never stored
            $"/media/{item.Id}/123.jpg",
            $"/media/{item.Id}/480.png",
            $"/media/{item.Id}/480.WEBP",
            $"/media/{item.Id}/480.svg",
            $"/media/{item.Id}/..%2F480.webp",
        })
        {
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}");
        }
    }
}

/// <summary>The site with <c>Media:Store=FileSystem</c> in a folder of its own.</summary>
public sealed class FileSystemMediaApp : AlmanacApp
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("almanac-media-").FullName;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Media:Store", "FileSystem"), new("Media:Path", Folder)];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

public class FileSystemMediaTests(FileSystemMediaApp app) : IClassFixture<FileSystemMediaApp>
{
    [Fact]
    public async Task WithTheFileSystemStore_VariantsAreFilesUnderTheFolderAndServed()
    {
        var item = await app.UploadAsync(TestImages.Png(960, 480), "../../etc/passwd.png");

        var files = Directory.GetFiles(app.Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(app.Folder, f)).Order().ToList();
        Assert.Equal(
            [$"{item.StorageKey}/480.jpg", $"{item.StorageKey}/480.webp", $"{item.StorageKey}/960.jpg", $"{item.StorageKey}/960.webp"],
            files.Select(f => f.Replace('\\', '/')));
        var response = await app.CreateReaderClient().GetAsync($"/media/{item.Id}/960.jpg", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("image/jpeg"), response.Content.Headers.ContentType);
    }
}
