using System.Text.Json;
using Almanac.Core.Tests.Media;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Media;

/// <summary>Stories with an uploaded image show it (and its credit) everywhere they show a picture.</summary>
public class StoryImageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private const string Trotsky = "1940-leon-trotsky-dies-in-mexico-city-after-an-assassins-attack";

    [Fact]
    public async Task StoryPage_ShowsTheUploadedImageAsPictureWithWebpAndJpegAndTheCredit()
    {
        var item = await app.UploadAsync(TestImages.Png(2000, 1000), altText: "Trotsky's study in Coyoacán",
            creditText: "Wikimedia Commons/Museo Casa de León Trotsky", creditUrl: "https://commons.wikimedia.org/wiki/File:Example.jpg", licence: "CC BY-SA 4.0");
        await app.AttachAsync(Trotsky, item.Id);

        var page = await app.CreateReaderClient().GetOkPageAsync("/on-this-day/" + Trotsky);

        var figure = page.QuerySelector("figure.story-figure")!;
        var source = figure.QuerySelector("picture > source")!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal($"/media/{item.Id}/480.webp 480w, /media/{item.Id}/960.webp 960w, /media/{item.Id}/1600.webp 1600w", source.GetAttribute("srcset"));
        var img = figure.QuerySelector("picture > img")!;
        Assert.Equal($"/media/{item.Id}/480.jpg 480w, /media/{item.Id}/960.jpg 960w, /media/{item.Id}/1600.jpg 1600w", img.GetAttribute("srcset"));
        Assert.Equal($"/media/{item.Id}/960.jpg", img.GetAttribute("src"));
        Assert.Equal(source.GetAttribute("sizes"), img.GetAttribute("sizes"));
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("sizes")));
        Assert.Equal(("1600", "800"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("Trotsky's study in Coyoacán", img.GetAttribute("alt"));
        Assert.Equal("lazy", img.GetAttribute("loading"));

        var credit = figure.QuerySelector("figcaption.credit")!;
        var link = credit.QuerySelector("a")!;
        Assert.Equal("https://commons.wikimedia.org/wiki/File:Example.jpg", link.GetAttribute("href"));
        Assert.Equal("Wikimedia Commons/Museo Casa de León Trotsky", link.Text());
        Assert.Contains("CC BY-SA 4.0", credit.QuerySelector(".licence").Text(), StringComparison.Ordinal);
        Assert.StartsWith("Photo credit:", credit.Text(), StringComparison.Ordinal);

        var ld = page.JsonLd().GetProperty("image");
        Assert.Equal($"https://almanac.test/media/{item.Id}/1600.jpg", ld.GetProperty("url").GetString());
        Assert.Equal(800, ld.GetProperty("height").GetInt32());
        Assert.Equal($"https://almanac.test/media/{item.Id}/1600.jpg", page.Meta("og:image"));
    }

    [Fact]
    public async Task StoryPage_ShowsACreditWithoutLinkAsText()
    {
        var slug = await SlugOfAsync("Pope Leo X Excommunicates Martin Luther");
        var item = await app.UploadAsync(TestImages.Png(300, 200), creditText: "Family archive");
        await app.AttachAsync(slug, item.Id);

        var page = await app.CreateReaderClient().GetPageAsync("/on-this-day/" + slug);

        var credit = page.Document.QuerySelector("figure.story-figure figcaption.credit");
        Assert.Null(credit?.QuerySelector("a"));
        Assert.Equal("Photo credit: Family archive", Normalise(credit.Text()));
        Assert.Equal($"/media/{item.Id}/300.webp 300w", page.Document.QuerySelector("figure.story-figure source")?.GetAttribute("srcset"));
    }

    [Fact]
    public async Task DayPageAndApi_UseTheUploadedImageOfTheStoryOfTheDay()
    {
        var item = await app.UploadAsync(TestImages.Png(1000, 500), altText: "Embassy building in Moscow");
        await app.AttachAsync(Samples.MexicoUssr, item.Id);
        var client = app.CreateReaderClient();

        var day = await client.GetOkPageAsync("/day/august-4");
        var featured = day.QuerySelector("article.featured picture");
        Assert.NotNull(featured);
        Assert.Equal($"/media/{item.Id}/480.webp 480w, /media/{item.Id}/960.webp 960w, /media/{item.Id}/1000.webp 1000w", featured.QuerySelector("source")?.GetAttribute("srcset"));

        using var story = JsonDocument.Parse(await client.GetStringAsync("/api/v1/stories/" + Samples.MexicoUssr, TestContext.Current.CancellationToken));
        var image = story.RootElement.GetProperty("image");
        Assert.Equal($"https://almanac.test/media/{item.Id}/1000.jpg", image.GetProperty("url").GetString());
        Assert.Equal("Embassy building in Moscow", image.GetProperty("alt").GetString());
        Assert.Equal("Test Agency", image.GetProperty("credit").GetProperty("text").GetString());
        var variants = image.GetProperty("variants").EnumerateArray()
            .Select(v => (v.GetProperty("url").GetString(), v.GetProperty("width").GetInt32(), v.GetProperty("type").GetString())).ToList();
        Assert.Equal(
            [
                ($"https://almanac.test/media/{item.Id}/480.webp", 480, "image/webp"), ($"https://almanac.test/media/{item.Id}/480.jpg", 480, "image/jpeg"),
                ($"https://almanac.test/media/{item.Id}/960.webp", 960, "image/webp"), ($"https://almanac.test/media/{item.Id}/960.jpg", 960, "image/jpeg"),
                ($"https://almanac.test/media/{item.Id}/1000.webp", 1000, "image/webp"), ($"https://almanac.test/media/{item.Id}/1000.jpg", 1000, "image/jpeg"),
            ],
            variants);

        using var dayApi = JsonDocument.Parse(await client.GetStringAsync("/api/v1/days/08-04", TestContext.Current.CancellationToken));
        Assert.Equal($"https://almanac.test/media/{item.Id}/480.webp", dayApi.RootElement.GetProperty("featured").GetProperty("thumbnail").GetProperty("url").GetString());
        foreach (var url in variants.Select(v => v.Item1!))
        {
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Embed_ShowsTheUploadedImageWithItsAltText()
    {
        var slug = await SlugOfAsync("Country Star Hank Williams Dies in the Back Seat of His Cadillac");
        var item = await app.UploadAsync(TestImages.Png(800, 600), altText: "A Cadillac of the early 1950s");
        await app.AttachAsync(slug, item.Id);

        var page = await app.CreateReaderClient().GetOkPageAsync("/embed/story/" + slug);

        var img = page.QuerySelector("article.card picture img");
        Assert.Equal("A Cadillac of the early 1950s", img?.GetAttribute("alt"));
        Assert.Equal(("800", "600"), (img?.GetAttribute("width"), img?.GetAttribute("height")));
    }

    private async Task<string> SlugOfAsync(string title)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.Stories.Where(s => s.Title == title).Select(s => s.Slug).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
