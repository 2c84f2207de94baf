using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Almanac.Core.Accounts;
using Almanac.Core.Media;
using Almanac.Core.Tests.Media;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Media;

/// <summary>The site with a small upload limit (100 KiB), so oversized requests are quick to send.</summary>
public sealed class SmallUploadApp : AlmanacApp
{
    public const int Limit = 100 * 1024;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Media:MaxUploadBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

public class MediaAdminTests(SmallUploadApp app) : IClassFixture<SmallUploadApp>
{
    private const string UploadPath = "/admin/media/upload";

    [Fact]
    public async Task MediaPages_AreForTheNewsroomOnly()
    {
        var reader = app.CreateReaderClient();
        foreach (var path in new[] { "/admin/media", UploadPath })
        {
            var response = await reader.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        var contributor = await app.CreateSignedInClientAsync(Roles.Contributor);
        await contributor.GetOkPageAsync("/admin/media");
        await contributor.GetOkPageAsync(UploadPath);
    }

    [Fact]
    public async Task Upload_StoresAPngNamedJpgAndRedirectsToTheLibraryShowingIt()
    {
        var client = await app.CreateSignedInClientAsync(Roles.Editor);

        var response = await PostUploadAsync(client, TestImages.Png(640, 320), "harbour.jpg", "image/jpeg", Fields("Fishing boats in the harbour"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/media?uploaded=", location, StringComparison.Ordinal);
        int id = int.Parse(location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await using (var scope = app.OpenDb())
        {
            var item = await scope.Db.Media.SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal(("image/png", "harbour.jpg", "Fishing boats in the harbour"), (item.ContentType, item.OriginalFileName, item.AltText));
            Assert.Equal(("Harbour Archive", "https://example.org/boats", "CC BY 4.0"), (item.CreditText, item.CreditUrl, item.Licence));
        }

        var library = await client.GetOkPageAsync(location);
        Assert.NotNull(library.QuerySelector("[role=status]"));
        var thumbnail = library.QuerySelector($"li.media-item[data-id='{id}'] img");
        Assert.Equal($"/media/{id}/480.webp", thumbnail?.GetAttribute("src"));
        Assert.Equal("Fishing boats in the harbour", thumbnail?.GetAttribute("alt"));
        var served = await client.GetAsync($"/media/{id}/640.jpg", TestContext.Current.CancellationToken);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("photo.jpg", "<html><script>alert(1)</script></html>", "This file is not a JPEG, PNG or WebP image.")]
    [InlineData("photo.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "This file is not a JPEG, PNG or WebP image.")]
    public async Task Upload_ShowsTheRefusalNextToTheFileFieldAndStoresNothing(string name, string content, string message)
    {
        var client = await app.CreateSignedInClientAsync(Roles.Editor);
        int before = await MediaCountAsync();

        var response = await PostUploadAsync(client, Encoding.UTF8.GetBytes(content), name, "image/jpeg", Fields("Alt"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await ParseAsync(response);
        var input = page.QuerySelector("input#Image")!;
        Assert.Equal(message, input.ParentElement?.QuerySelector(".field-error").Text());
        Assert.Equal("Image-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("Alt", page.QuerySelector("input#AltText")?.GetAttribute("value"));
        Assert.Equal(before, await MediaCountAsync());
    }

    [Fact]
    public async Task Upload_RequiresAltTextAndAWebCreditLink()
    {
        var client = await app.CreateSignedInClientAsync(Roles.Editor);

        var response = await PostUploadAsync(client, TestImages.Png(100, 100), "a.png", "image/png",
            [new("AltText", ""), new("CreditUrl", "javascript:alert(1)")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("#AltText-error").Text()));
        Assert.Contains("https://", page.QuerySelector("#CreditUrl-error").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#Image-error"));
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        var client = await app.CreateSignedInClientAsync(Roles.Editor);
        int before = await MediaCountAsync();
        using var form = new MultipartFormDataContent { { new StringContent("Alt"), "AltText" } };
        form.Add(new ByteArrayContent(TestImages.Png(100, 100)), "Image", "a.png");

        var response = await client.PostAsync(UploadPath, form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await MediaCountAsync());
    }

    [Fact]
    public async Task Upload_ARequestOverTheLimit_GetsA413Page()
    {
        var client = await app.CreateSignedInClientAsync(Roles.Editor);
        int before = await MediaCountAsync();
        var big = new byte[SmallUploadApp.Limit + (UploadLimitAllowance * 2)];
        TestImages.Png(10, 10).CopyTo(big, 0);

        var response = await PostUploadAsync(client, big, "big.png", "image/png", Fields("Big"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("That upload is too large", page.QuerySelector("h1").Text());
        Assert.Equal(before, await MediaCountAsync());
    }

    [Fact]
    public async Task Upload_AFileJustOverTheLimitInsideTheAllowance_IsRefusedAtTheField()
    {
        var client = await app.CreateSignedInClientAsync(Roles.Editor);
        var file = new byte[SmallUploadApp.Limit + 1];
        TestImages.Png(10, 10).CopyTo(file, 0);

        var response = await PostUploadAsync(client, file, "big.png", "image/png", Fields("Big"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.StartsWith("This file is larger than 0.1 MB", page.QuerySelector("#Image-error").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_SearchesAndPagesKeepingTheSearch()
    {
        string tag = "lib" + Guid.NewGuid().ToString("N")[..6];
        var png = TestImages.Png(100, 100);
        for (int i = 0; i < MediaLibrary.PageSize + 1; i++)
        {
            await app.UploadAsync(png, $"{tag}-{i}.png");
        }

        await app.UploadAsync(png, "other.png", altText: "Unrelated");
        var client = await app.CreateSignedInClientAsync(Roles.Editor);

        var first = await client.GetOkPageAsync($"/admin/media?q={tag.ToUpperInvariant()}");
        Assert.Equal(MediaLibrary.PageSize, first.QuerySelectorAll("li.media-item").Length);
        var next = first.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal($"/admin/media?q={tag.ToUpperInvariant()}&page=2", next);
        var second = await client.GetOkPageAsync(next!);
        Assert.Single(second.QuerySelectorAll("li.media-item"));
        Assert.Contains($"{tag}-0.png", second.QuerySelector("li.media-item").Text(), StringComparison.Ordinal);

        var none = await client.GetOkPageAsync("/admin/media?q=nothing-matches-this");
        Assert.Empty(none.QuerySelectorAll("li.media-item"));
        Assert.NotNull(none.QuerySelector("p.empty"));
    }

    private const int UploadLimitAllowance = 64 * 1024;

    private static List<KeyValuePair<string, string>> Fields(string alt) =>
        [new("AltText", alt), new("CreditText", "Harbour Archive"), new("CreditUrl", "https://example.org/boats"), new("Licence", "CC BY 4.0")];

    /// <summary>Loads the upload page for its anti-forgery token, then posts the form as multipart, file included.</summary>
    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, byte[] file, string fileName, string contentType, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetOkPageAsync(UploadPath);
        var form = page.QuerySelector("form.media-upload")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var content = new MultipartFormDataContent { { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, "Image", fileName);
        return await client.PostAsync(UploadPath, content, TestContext.Current.CancellationToken);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

    private async Task<int> MediaCountAsync()
    {
        await using var scope = app.OpenDb();
        return await scope.Db.Media.CountAsync(TestContext.Current.CancellationToken);
    }
}
