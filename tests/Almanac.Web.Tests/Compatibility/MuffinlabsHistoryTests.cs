using System.Net;
using System.Text.Json;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using static Almanac.Web.Tests.Compatibility.CompatibilityTestData;

namespace Almanac.Web.Tests.Compatibility;

public class MuffinlabsHistoryTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task Date_AnswersInMuffinlabsShape()
    {
        var response = await app.CreateReaderClient().GetAsync("/date/8/4", TestContext.Current.CancellationToken);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertProperties(root, ("date", JsonValueKind.String), ("url", JsonValueKind.String), ("data", JsonValueKind.Object));
        Assert.Equal("August 4", root.GetProperty("date").GetString());
        Assert.Equal("https://almanac.test/day/august-4", root.GetProperty("url").GetString());
        var data = root.GetProperty("data");
        AssertProperties(data, ("Events", JsonValueKind.Array), ("Births", JsonValueKind.Array), ("Deaths", JsonValueKind.Array));
        foreach (var item in data.EnumerateObject().SelectMany(p => p.Value.EnumerateArray()))
        {
            AssertProperties(item, ("year", JsonValueKind.String), ("text", JsonValueKind.String), ("html", JsonValueKind.String), ("no_year_html", JsonValueKind.String), ("links", JsonValueKind.Array));
            foreach (var link in item.GetProperty("links").EnumerateArray())
            {
                AssertProperties(link, ("title", JsonValueKind.String), ("link", JsonValueKind.String));
            }
        }

        // Oldest first, as muffinlabs lists a day.
        Assert.Equal(["1914", "1924"], data.GetProperty("Events").EnumerateArray().Select(i => i.GetProperty("year").GetString()));
        Assert.Equal(["1792"], data.GetProperty("Births").EnumerateArray().Select(i => i.GetProperty("year").GetString()));
        Assert.Equal(["1875"], data.GetProperty("Deaths").EnumerateArray().Select(i => i.GetProperty("year").GetString()));
        var mexico = data.GetProperty("Events")[1];
        Assert.Equal("Diplomatic Relations Established between Mexico and the USSR", mexico.GetProperty("text").GetString());
        var link1924 = mexico.GetProperty("links").EnumerateArray().Single();
        Assert.Equal("Diplomatic Relations Established between Mexico and the USSR", link1924.GetProperty("title").GetString());
        Assert.Equal($"https://almanac.test/on-this-day/{Samples.MexicoUssr}", link1924.GetProperty("link").GetString());
    }

    [Fact]
    public async Task Date_LinksTheYearAndTheStoryInItsHtml()
    {
        var data = (await app.CreateReaderClient().GetJsonAsync("/date/03/15")).GetProperty("data");

        var caesar = data.GetProperty("Events").EnumerateArray().Single(i => i.GetProperty("text").GetString()!.Contains("Julius Caesar", StringComparison.Ordinal));
        Assert.Equal("44 BC", caesar.GetProperty("year").GetString());
        var anchors = Elements(caesar.GetProperty("html").GetString()!);
        Assert.Equal(2, anchors.Count);
        Assert.Equal("https://almanac.test/year/44-bc", anchors[0].GetAttribute("href"));
        Assert.Equal("44 BC", anchors[0].TextContent);
        Assert.Equal("https://almanac.test/on-this-day/44-bc-julius-caesar-is-assassinated-in-the-senate", anchors[1].GetAttribute("href"));
        Assert.Equal("Julius Caesar Is Assassinated in the Senate", Elements(caesar.GetProperty("no_year_html").GetString()!).Single().TextContent);
    }

    [Fact]
    public async Task Date_EncodesHostileTitlesInItsHtml()
    {
        const string hostile = "<script>alert(1)</script> & \"Quoted\" <b>bold</b>";
        await AddStoryAsync(app, hostile, StoryKind.Event, HistoricalDate.OnDay(1977, 10, 10));

        var item = (await app.CreateReaderClient().GetJsonAsync("/date/10/10")).GetProperty("data").GetProperty("Events").EnumerateArray().Single();

        Assert.Equal(hostile, item.GetProperty("text").GetString());
        foreach (var field in new[] { "html", "no_year_html" })
        {
            var markup = item.GetProperty(field).GetString()!;
            Assert.DoesNotContain("<script", markup, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", markup, StringComparison.Ordinal);
            var nodes = Elements(markup);
            // Only the links this API writes are elements; the title is text inside them.
            Assert.All(nodes, n => Assert.Equal("a", n.LocalName));
            Assert.Equal(hostile, nodes[^1].TextContent);
            Assert.Equal(hostile, nodes[^1].GetAttribute("title"));
        }
    }

    [Theory]
    [InlineData("showHistory")]
    [InlineData("angular.callbacks._0")]
    [InlineData("jQuery36_1700000000000")]
    [InlineData("$cb")]
    public async Task Date_WrapsTheJsonInASafeCallback(string callback)
    {
        var client = app.CreateReaderClient();
        // The plain JSON first: the cached copy must not be handed to the callback request.
        var json = await client.GetStringAsync("/date/8/4", TestContext.Current.CancellationToken);

        var response = await client.GetAsync($"/date/8/4?callback={Uri.EscapeDataString(callback)}", TestContext.Current.CancellationToken);
        var script = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var prefix = $"/**/{callback}(";
        Assert.StartsWith(prefix, script, StringComparison.Ordinal);
        Assert.EndsWith(");", script, StringComparison.Ordinal);
        Assert.Equal(json, script[prefix.Length..^2]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alert(1)")]
    [InlineData("a b")]
    [InlineData("x;y")]
    [InlineData("<script>")]
    [InlineData("1abc")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("cb\n")]
    [InlineData("a[0]")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm")]
    public async Task Date_RefusesAnUnsafeCallbackAsProblemJson(string callback)
    {
        var response = await app.CreateReaderClient().GetAsync($"/date/8/4?callback={Uri.EscapeDataString(callback)}", TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Date_RefusesTwoCallbacks()
    {
        var response = await app.CreateReaderClient().GetAsync("/date/8/4?callback=a&callback=b", TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/date/13/1")]
    [InlineData("/date/8/32")]
    [InlineData("/date/2/30")]
    [InlineData("/date/aug/4")]
    [InlineData("/date/8/4th")]
    public async Task Date_RefusesDaysThatDoNotExistAsProblemJson(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Date_IsReadableFromAnyOriginAndCacheable()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/date/8/4");
        request.Headers.Add("Origin", "https://reader.example");

        var response = await app.CreateReaderClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.NotNull(response.Headers.ETag);
    }

    /// <summary>Every element of an HTML snippet, nested ones included.</summary>
    private static List<IElement> Elements(string html) =>
        [.. new HtmlParser().ParseDocument(html).Body!.QuerySelectorAll("*")];
}

/// <summary><c>/date</c> follows the site's clock, so these tests move a clock of their own.</summary>
public class MuffinlabsTodayTests
{
    [Fact]
    public async Task Today_IsTheSitesDayOnTheClock()
    {
        await using var app = new AlmanacApp();
        var client = app.CreateReaderClient();

        var august4 = await client.GetJsonAsync("/date");
        app.Time.SetUtcNow(new DateTimeOffset(2025, 3, 15, 12, 0, 0, TimeSpan.Zero));
        var march15 = await client.GetJsonAsync("/date");

        Assert.Equal("August 4", august4.GetProperty("date").GetString());
        Assert.Contains(august4.GetProperty("data").GetProperty("Events").EnumerateArray(), i => i.GetProperty("year").GetString() == "1924");
        Assert.Equal("March 15", march15.GetProperty("date").GetString());
        Assert.Contains(march15.GetProperty("data").GetProperty("Events").EnumerateArray(), i => i.GetProperty("year").GetString() == "44 BC");
    }

    [Fact]
    public async Task Today_On28FebruaryOfACommonYear_AlsoListsTheLeapDayStories()
    {
        await using var app = new AlmanacApp();
        app.Time.SetUtcNow(new DateTimeOffset(2025, 2, 28, 12, 0, 0, TimeSpan.Zero));

        var today = await app.CreateReaderClient().GetJsonAsync("/date");
        var byDate = await app.CreateReaderClient().GetJsonAsync("/date/2/28");

        Assert.Equal("February 28", today.GetProperty("date").GetString());
        Assert.Contains(today.GetProperty("data").GetProperty("Events").EnumerateArray(), i => i.GetProperty("year").GetString() == "1504");
        // A day named in the path has no year, so it keeps to its own stories.
        Assert.DoesNotContain(byDate.GetProperty("data").GetProperty("Events").EnumerateArray(), i => i.GetProperty("year").GetString() == "1504");
    }
}
