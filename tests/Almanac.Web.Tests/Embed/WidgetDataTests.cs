using System.Net;
using System.Text.Json;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Embed;

/// <summary>The widget's script and the JSON it reads, as another site's page sees them.</summary>
public class WidgetDataTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static async Task<HttpResponseMessage> GetFromAnotherSiteAsync(HttpClient client, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://host.example");
        configure?.Invoke(request);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TodayJson_HasTheWidgetShapeAndMayBeReadByAnyOrigin()
    {
        var response = await GetFromAnotherSiteAsync(app.CreateReaderClient(), "/embed/day.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.NotNull(response.Headers.ETag);
        response.AssertPublicAndCookieFree();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("08-04", root.GetProperty("date").GetString());
        Assert.Equal("On this day: 4 August", root.GetProperty("title").GetString());
        Assert.Equal("https://almanac.test/day/august-4", root.GetProperty("url").GetString());
        Assert.Equal("Almanac", root.GetProperty("siteName").GetString());
        var stories = root.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(["1924", "1792", "1875", "1914"], stories.Select(s => s.GetProperty("year").GetString()));
        Assert.Equal([true, false, false, false], stories.Select(s => s.GetProperty("featured").GetBoolean()));
        Assert.Equal("Diplomatic Relations Established between Mexico and the USSR", stories[0].GetProperty("title").GetString());
        Assert.Equal("https://almanac.test/on-this-day/" + Samples.MexicoUssr, stories[0].GetProperty("url").GetString());
        Assert.All(stories, s => Assert.StartsWith("https://almanac.test/on-this-day/", s.GetProperty("url").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/embed/day/03-15.json")]
    [InlineData("/embed/day/march-15.json")]
    public async Task DayJson_HoldsTheChosenDayWithBcYearsAsReadersSeeThem(string path)
    {
        using var json = JsonDocument.Parse(await app.CreateReaderClient().GetStringAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("03-15", json.RootElement.GetProperty("date").GetString());
        var first = json.RootElement.GetProperty("stories")[0];
        Assert.Equal("44 BC", first.GetProperty("year").GetString());
        Assert.Equal("Julius Caesar Is Assassinated in the Senate", first.GetProperty("title").GetString());
        Assert.True(first.GetProperty("featured").GetBoolean());
    }

    [Fact]
    public async Task DayJson_RefusesANonDayAsProblemJson()
    {
        var response = await GetFromAnotherSiteAsync(app.CreateReaderClient(), "/embed/day/13-40.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task DayJson_AnswersNotModifiedToItsOwnETag()
    {
        var client = app.CreateReaderClient();
        var first = await client.GetAsync("/embed/day/08-04.json", TestContext.Current.CancellationToken);

        var again = await GetFromAnotherSiteAsync(client, "/embed/day/08-04.json", r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task WidgetScript_IsJavaScriptRevalidatedByETag()
    {
        var client = app.CreateReaderClient();
        var response = await client.GetAsync("/widget.js", TestContext.Current.CancellationToken);
        var script = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        response.AssertPublicAndCookieFree();
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl!.MaxAge);
        Assert.Contains("attachShadow", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/widget.js");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional, TestContext.Current.CancellationToken)).StatusCode);
    }
}
