using Almanac.Core.Media;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Media;

/// <summary>Arranges uploaded images through the app's own media library.</summary>
internal static class MediaUploads
{
    public static async Task<MediaUpload> TryUploadAsync(
        this AlmanacApp app, byte[] bytes, string fileName = "photo.jpg", string altText = "A test picture",
        string creditText = "Test Agency", string? creditUrl = null, string? licence = null)
    {
        await using var scope = app.OpenDb();
        var library = scope.Services.GetRequiredService<MediaLibrary>();
        using var content = new MemoryStream(bytes);
        return await library.UploadAsync(content, fileName, altText, creditText, creditUrl, licence, TestContext.Current.CancellationToken);
    }

    public static async Task<MediaItem> UploadAsync(
        this AlmanacApp app, byte[] bytes, string fileName = "photo.jpg", string altText = "A test picture",
        string creditText = "Test Agency", string? creditUrl = null, string? licence = null)
    {
        var upload = await app.TryUploadAsync(bytes, fileName, altText, creditText, creditUrl, licence);
        Assert.True(upload.Succeeded, string.Join("; ", upload.Problems.Select(p => p.Message)));
        return upload.Item!;
    }

    /// <summary>Gives a story the uploaded image, as the story editor will.</summary>
    public static async Task AttachAsync(this AlmanacApp app, string slug, int mediaId)
    {
        await using var scope = app.OpenDb();
        int changed = await scope.Db.Stories.Where(s => s.Slug == slug)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ImageId, mediaId), TestContext.Current.CancellationToken);
        Assert.Equal(1, changed);
    }

    public static async Task<byte[]?> StoredAsync(this AlmanacApp app, string key)
    {
        await using var scope = app.OpenDb();
        return await scope.Services.GetRequiredService<IMediaStore>().GetAsync(key, TestContext.Current.CancellationToken);
    }
}
