using Almanac.Core.Media;
using Almanac.Core.Tests.Media;
using Almanac.Web.Tests.Hosting;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Media;

public class MediaStoreTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task DatabaseStore_IsTheDefaultAndRoundTripsBytes()
    {
        await using var scope = app.OpenDb();
        var store = scope.Services.GetRequiredService<IMediaStore>();
        Assert.IsType<DatabaseMediaStore>(store);
        byte[] bytes = [0, 1, 2, 255, 0, 42];
        var ct = TestContext.Current.CancellationToken;

        await store.PutAsync("abc123/480.webp", bytes, ct);
        await store.PutAsync("abc123/480.webp", [.. bytes, 7], ct);

        Assert.Equal([.. bytes, 7], await store.GetAsync("abc123/480.webp", ct));
        Assert.Equal(1, await scope.Db.MediaBlobs.CountAsync(b => b.Key == "abc123/480.webp", ct));
        await store.DeleteAsync("abc123/480.webp", ct);
        Assert.Null(await store.GetAsync("abc123/480.webp", ct));
        await store.DeleteAsync("abc123/480.webp", ct);
    }

    [Fact]
    public async Task FileSystemStore_RoundTripsBytesAndLeavesNoTemporaryFiles()
    {
        var folder = Directory.CreateTempSubdirectory("almanac-media-").FullName;
        try
        {
            var store = new FileSystemMediaStore(folder);
            var ct = TestContext.Current.CancellationToken;

            await store.PutAsync("f00d/960.jpg", [9, 8, 7], ct);
            await store.PutAsync("f00d/960.jpg", [6, 5], ct);

            Assert.Equal([6, 5], await store.GetAsync("f00d/960.jpg", ct));
            Assert.Equal([Path.Combine(folder, "f00d", "960.jpg")], Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
            await store.DeleteAsync("f00d/960.jpg", ct);
            Assert.Null(await store.GetAsync("f00d/960.jpg", ct));
            Assert.Null(await store.GetAsync("nothing/here.jpg", ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("a/../../outside.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("a\\..\\b.jpg")]
    [InlineData("Upper/Case.jpg")]
    [InlineData("")]
    public async Task BothStores_RefuseKeysTheLibraryNeverMakes(string key)
    {
        var folder = Directory.CreateTempSubdirectory("almanac-media-").FullName;
        try
        {
            await using var scope = app.OpenDb();
            var ct = TestContext.Current.CancellationToken;
            foreach (var store in new IMediaStore[] { new FileSystemMediaStore(folder), scope.Services.GetRequiredService<IMediaStore>() })
            {
                await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, [1], ct));
                Assert.Null(await store.GetAsync(key, ct));
            }

            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AnUploadOnOneNode_IsServedByAnotherNodeOnTheSameDatabase()
    {
        var item = await app.UploadAsync(TestImages.Png(700, 350), "shared.png");
        await using var otherNode = new SecondNode(app.Database);

        var response = await otherNode.CreateReaderClient().GetAsync($"/media/{item.Id}/700.webp", TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
    }
}
