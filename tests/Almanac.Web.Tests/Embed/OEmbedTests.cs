using System.Net;
using System.Text.Json;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Html.Parser;

namespace Almanac.Web.Tests.Embed;

/// <summary><c>/oembed</c> as a consumer (a CMS, a chat client) calls it, and the discovery link that leads there.</summary>
public class OEmbedTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private const string StoryUrl = "https://almanac.test/on-this-day/" + Samples.MexicoUssr;

    private async Task<(HttpResponseMessage Response, JsonElement Json)> GetOEmbedAsync(string query)
    {
        // Consumers call from servers and from browsers; a browser sends its page's Origin.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oembed?" + query);
        request.Headers.Add("Origin", "https://consumer.example");
        var response = await app.CreateReaderClient().SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, JsonDocument.Parse(body).RootElement);
    }

    // The html member is exactly one element, an iframe, as a consumer will insert it.
    private static AngleSharp.Dom.IElement IframeOf(JsonElement json)
    {
        var body = new HtmlParser().ParseDocument(json.GetProperty("html").GetString()!).Body!;
        var element = Assert.Single(body.Children);
        Assert.Equal("IFRAME", element.TagName);
        return element;
    }

    [Fact]
    public async Task OEmbed_DescribesAStoryAsARichIframe()
    {
        var (response, json) = await GetOEmbedAsync($"url={Uri.EscapeDataString(StoryUrl)}&format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("1.0", json.GetProperty("version").GetString());
        Assert.Equal("rich", json.GetProperty("type").GetString());
        Assert.Equal("Almanac", json.GetProperty("provider_name").GetString());
        Assert.Equal("https://almanac.test/", json.GetProperty("provider_url").GetString());
        Assert.Equal("1924: Diplomatic Relations Established between Mexico and the USSR", json.GetProperty("title").GetString());
        Assert.Equal("Almanac", json.GetProperty("author_name").GetString());
        Assert.Equal(480, json.GetProperty("width").GetInt32());
        Assert.Equal(480, json.GetProperty("height").GetInt32());
        Assert.Equal($"https://almanac.test/cover/{Samples.MexicoUssr}/1200.png", json.GetProperty("thumbnail_url").GetString());
        Assert.Equal(1200, json.GetProperty("thumbnail_width").GetInt32());
        Assert.Equal(630, json.GetProperty("thumbnail_height").GetInt32());
        Assert.True(json.GetProperty("cache_age").GetInt32() > 0);

        var iframe = IframeOf(json);
        Assert.Equal($"https://almanac.test/embed/story/{Samples.MexicoUssr}", iframe.GetAttribute("src"));
        Assert.Equal("480", iframe.GetAttribute("width"));
        Assert.Equal("480", iframe.GetAttribute("height"));
        Assert.Equal(json.GetProperty("title").GetString(), iframe.GetAttribute("title"));
    }

    [Fact]
    public async Task OEmbed_FollowsTheSpecsDefaultsWithoutFormat()
    {
        var (response, json) = await GetOEmbedAsync($"url={Uri.EscapeDataString(StoryUrl)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rich", json.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("300", "200", 300, 200)]
    [InlineData("2000", "2000", 480, 480)]
    [InlineData("320", null, 320, 480)]
    public async Task OEmbed_StaysWithinMaxWidthAndMaxHeight(string? maxWidth, string? maxHeight, int width, int height)
    {
        var query = $"url={Uri.EscapeDataString(StoryUrl)}&format=json" + (maxWidth is null ? "" : $"&maxwidth={maxWidth}") + (maxHeight is null ? "" : $"&maxheight={maxHeight}");
        var (_, json) = await GetOEmbedAsync(query);

        Assert.Equal(width, json.GetProperty("width").GetInt32());
        Assert.Equal(height, json.GetProperty("height").GetInt32());
        var iframe = IframeOf(json);
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), iframe.GetAttribute("width"));
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), iframe.GetAttribute("height"));
    }

    [Theory]
    [InlineData("http://almanac.test/on-this-day/" + Samples.MexicoUssr)]
    [InlineData("https://ALMANAC.test/on-this-day/" + Samples.MexicoUssr + "/")]
    [InlineData("https://almanac.test/on-this-day/" + Samples.MexicoUssr + "?utm_source=x#comments")]
    public async Task OEmbed_AcceptsTheStoryUrlAsReadersCopyIt(string url)
    {
        var (response, json) = await GetOEmbedAsync($"url={Uri.EscapeDataString(url)}&format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"/embed/story/{Samples.MexicoUssr}\"", json.GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("format=json", HttpStatusCode.BadRequest)]
    [InlineData("url=&format=json", HttpStatusCode.BadRequest)]
    [InlineData("url=" + StoryUrl + "&format=xml", HttpStatusCode.NotImplemented)]
    [InlineData("url=" + StoryUrl + "&maxwidth=wide", HttpStatusCode.BadRequest)]
    [InlineData("url=" + StoryUrl + "&maxheight=0", HttpStatusCode.BadRequest)]
    [InlineData("url=https://evil.test/on-this-day/" + Samples.MexicoUssr, HttpStatusCode.NotFound)]
    [InlineData("url=https://almanac.test.evil.test/on-this-day/" + Samples.MexicoUssr, HttpStatusCode.NotFound)]
    [InlineData("url=https://almanac.test:8443/on-this-day/" + Samples.MexicoUssr, HttpStatusCode.NotFound)]
    [InlineData("url=ftp://almanac.test/on-this-day/" + Samples.MexicoUssr, HttpStatusCode.NotFound)]
    [InlineData("url=/on-this-day/" + Samples.MexicoUssr, HttpStatusCode.NotFound)]
    [InlineData("url=https://almanac.test/day/august-4", HttpStatusCode.NotFound)]
    [InlineData("url=https://almanac.test/on-this-day/", HttpStatusCode.NotFound)]
    [InlineData("url=https://almanac.test/on-this-day/a/b", HttpStatusCode.NotFound)]
    [InlineData("url=https://almanac.test/on-this-day/1999-no-such-story", HttpStatusCode.NotFound)]
    public async Task OEmbed_RefusesWhatItCannotAnswerAsProblemJson(string query, HttpStatusCode status)
    {
        var (response, json) = await GetOEmbedAsync(query);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task StoryPage_AdvertisesItsOEmbedDocument()
    {
        var client = app.CreateReaderClient();
        var page = await client.GetOkPageAsync("/on-this-day/" + Samples.MexicoUssr);

        var link = page.QuerySelector("head link[rel=alternate][type='application/json+oembed']");
        Assert.NotNull(link);
        Assert.Equal("1924: Diplomatic Relations Established between Mexico and the USSR", link.GetAttribute("title"));
        var href = new Uri(link.GetAttribute("href")!);
        Assert.Equal("https://almanac.test/oembed", href.GetLeftPart(UriPartial.Path));

        using var json = JsonDocument.Parse(await client.GetStringAsync(href.PathAndQuery, TestContext.Current.CancellationToken));
        Assert.Equal(link.GetAttribute("title"), json.RootElement.GetProperty("title").GetString());
    }
}
