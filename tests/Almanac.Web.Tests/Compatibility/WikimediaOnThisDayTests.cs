using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using static Almanac.Web.Tests.Compatibility.CompatibilityTestData;

namespace Almanac.Web.Tests.Compatibility;

public class WikimediaOnThisDayTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private const string Feed = "/api/rest_v1/feed/onthisday";

    private const string Profile = "https://www.mediawiki.org/wiki/Specs/onthisday/0.3.3";

    private static readonly string[] AllKeys = ["selected", "events", "births", "deaths", "holidays"];

    /// <summary>9 September has no sample stories; these give it one story of every kind.</summary>
    private async Task AddFullDayAsync()
    {
        await AddStoryAsync(app, "Wikimedia Test Event on 9 September", StoryKind.Event, HistoricalDate.OnDay(1901, 9, 9));
        await AddStoryAsync(app, "Wikimedia Test Birth on 9 September", StoryKind.Birth, HistoricalDate.OnDay(1850, 9, 9));
        await AddStoryAsync(app, "Wikimedia Test Death on 9 September", StoryKind.Death, HistoricalDate.OnDay(1950, 9, 9));
        await AddStoryAsync(app, "Wikimedia Test Observance on 9 September", StoryKind.Observance, HistoricalDate.OnDay(1920, 9, 9));
    }

    [Theory]
    [InlineData("all")]
    [InlineData("selected")]
    [InlineData("events")]
    [InlineData("births")]
    [InlineData("deaths")]
    [InlineData("holidays")]
    public async Task Feed_OfEachType_HoldsOnlyItsKeysInWikimediasShape(string type)
    {
        await AddFullDayAsync();

        var response = await app.CreateReaderClient().GetAsync($"{Feed}/{type}/09/09", TestContext.Current.CancellationToken);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = type == "all" ? AllKeys : [type];
        AssertProperties(root, [.. keys.Select(k => (k, JsonValueKind.Array))]);
        foreach (var key in keys)
        {
            var items = root.GetProperty(key).EnumerateArray().ToList();
            Assert.Single(items);
            AssertItem(items[0], hasYear: key != "holidays");
        }
    }

    [Fact]
    public async Task Feed_MapsEachStoryToTheRightListWithItsFields()
    {
        await AddFullDayAsync();

        var root = await app.CreateReaderClient().GetJsonAsync($"{Feed}/all/09/09");

        Assert.Equal("Wikimedia Test Event on 9 September", root.GetProperty("events")[0].GetProperty("text").GetString());
        Assert.Equal(1901, root.GetProperty("events")[0].GetProperty("year").GetInt32());
        Assert.Equal("Wikimedia Test Birth on 9 September", root.GetProperty("births")[0].GetProperty("text").GetString());
        Assert.Equal("Wikimedia Test Death on 9 September", root.GetProperty("deaths")[0].GetProperty("text").GetString());
        Assert.Equal("Wikimedia Test Observance on 9 September", root.GetProperty("holidays")[0].GetProperty("text").GetString());
        Assert.False(root.GetProperty("holidays")[0].TryGetProperty("year", out _));
        // No editor's choice on this day: the most recent event is the selected story, as on the day page.
        Assert.Equal("Wikimedia Test Event on 9 September", root.GetProperty("selected")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task PageSummary_DescribesTheAlmanacStory()
    {
        var root = await app.CreateReaderClient().GetJsonAsync($"{Feed}/selected/08/04");

        var item = root.GetProperty("selected").EnumerateArray().Single();
        Assert.Equal("Diplomatic Relations Established between Mexico and the USSR", item.GetProperty("text").GetString());
        Assert.Equal(1924, item.GetProperty("year").GetInt32());
        var page = item.GetProperty("pages").EnumerateArray().Single();
        var storyUrl = $"https://almanac.test/on-this-day/{Samples.MexicoUssr}";
        Assert.Equal("standard", page.GetProperty("type").GetString());
        Assert.Equal(Samples.MexicoUssr, page.GetProperty("title").GetString());
        Assert.Equal(Samples.MexicoUssr, page.GetProperty("titles").GetProperty("canonical").GetString());
        Assert.Equal("Diplomatic Relations Established between Mexico and the USSR", page.GetProperty("titles").GetProperty("normalized").GetString());
        Assert.True(page.GetProperty("pageid").GetInt32() > 0);
        Assert.StartsWith("<p>", page.GetProperty("extract_html").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.GetProperty("extract").GetString()));
        Assert.Equal($"https://almanac.test/cover/{Samples.MexicoUssr}/480.png", page.GetProperty("thumbnail").GetProperty("source").GetString());
        Assert.Equal(480, page.GetProperty("thumbnail").GetProperty("width").GetInt32());
        Assert.Equal(252, page.GetProperty("thumbnail").GetProperty("height").GetInt32());
        Assert.Equal($"https://almanac.test/cover/{Samples.MexicoUssr}/1200.png", page.GetProperty("originalimage").GetProperty("source").GetString());
        Assert.Equal(1200, page.GetProperty("originalimage").GetProperty("width").GetInt32());
        Assert.Equal(630, page.GetProperty("originalimage").GetProperty("height").GetInt32());
        foreach (var device in new[] { "desktop", "mobile" })
        {
            var urls = page.GetProperty("content_urls").GetProperty(device);
            Assert.Equal(storyUrl, urls.GetProperty("page").GetString());
            Assert.Equal(storyUrl, urls.GetProperty("revisions").GetString());
            Assert.Equal(storyUrl, urls.GetProperty("edit").GetString());
        }

        Assert.Equal("en", page.GetProperty("lang").GetString());
        Assert.Equal("ltr", page.GetProperty("dir").GetString());
        Assert.True(long.TryParse(page.GetProperty("revision").GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out _));
        Assert.True(DateTime.TryParseExact(page.GetProperty("timestamp").GetString(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _));
        Assert.Equal("Historical event, 4 August 1924", page.GetProperty("description").GetString());

        // The images named are real: the cover endpoint serves them.
        var thumbnail = await app.CreateReaderClient().GetAsync(page.GetProperty("thumbnail").GetProperty("source").GetString(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/png", thumbnail.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Feed_ListsItemsNewestFirst()
    {
        var root = await app.CreateReaderClient().GetJsonAsync($"{Feed}/events/08/04");

        var years = root.GetProperty("events").EnumerateArray().Select(i => i.GetProperty("year").GetInt32()).ToList();
        Assert.Equal([1924, 1914], years);
    }

    [Fact]
    public async Task Feed_WritesBcYearsAsWikimediaDoes()
    {
        // Almanac stores 44 BC as the astronomical year -43; Wikimedia writes it as -44.
        var root = await app.CreateReaderClient().GetJsonAsync($"{Feed}/events/03/15");

        var caesar = root.GetProperty("events").EnumerateArray().Single(i => i.GetProperty("text").GetString()!.Contains("Julius Caesar", StringComparison.Ordinal));
        Assert.Equal(-44, caesar.GetProperty("year").GetInt32());
        Assert.Contains("44 BC", caesar.GetProperty("pages")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_For29February_HoldsOnlyTheLeapDayStories()
    {
        await AddStoryAsync(app, "Wikimedia Test Event on 28 February", StoryKind.Event, HistoricalDate.OnDay(1953, 2, 28));

        var leapDay = await app.CreateReaderClient().GetJsonAsync($"{Feed}/all/02/29");
        var february28 = await app.CreateReaderClient().GetJsonAsync($"{Feed}/all/02/28");

        var events = leapDay.GetProperty("events").EnumerateArray().Select(i => (i.GetProperty("year").GetInt32(), i.GetProperty("text").GetString())).ToList();
        Assert.Equal(
            [(1940, "Hattie McDaniel Becomes the First Black Performer to Win an Oscar"), (1504, "Columbus Uses a Lunar Eclipse to Win Food for His Stranded Crew")],
            events);
        // The editor chose Columbus for 29 February, although McDaniel is the more recent event.
        Assert.Equal(1504, leapDay.GetProperty("selected").EnumerateArray().Single().GetProperty("year").GetInt32());
        Assert.Equal(["Wikimedia Test Event on 28 February"], february28.GetProperty("events").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Feed_ReadsPaddedAndUnpaddedDaysAlike()
    {
        var client = app.CreateReaderClient();

        var padded = await client.GetStringAsync($"{Feed}/all/08/04", TestContext.Current.CancellationToken);
        var unpadded = await client.GetStringAsync($"{Feed}/all/8/4", TestContext.Current.CancellationToken);

        Assert.Equal(padded, unpadded);
        Assert.Contains("Mexico and the USSR", padded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_CarriesTheProfileCachingHeadersAndCors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Feed}/all/08/04");
        request.Headers.Add("Origin", "https://reader.example");

        var response = await app.CreateReaderClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contentType = response.Content.Headers.ContentType!;
        Assert.Equal("application/json", contentType.MediaType);
        Assert.Equal("utf-8", contentType.CharSet);
        Assert.Equal($"\"{Profile}\"", contentType.Parameters.Single(p => p.Name == "profile").Value);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Feed_AnswersAConditionalRequestWith304()
    {
        var client = app.CreateReaderClient();
        var first = await client.GetAsync($"{Feed}/births/08/04", TestContext.Current.CancellationToken);

        using var current = new HttpRequestMessage(HttpMethod.Get, $"{Feed}/births/08/04");
        current.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"{Feed}/births/08/04");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(current, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/weekly/08/04", HttpStatusCode.NotFound)]
    [InlineData("/ALL/08/04", HttpStatusCode.NotFound)]
    [InlineData("/all/13/01", HttpStatusCode.BadRequest)]
    [InlineData("/all/00/01", HttpStatusCode.BadRequest)]
    [InlineData("/all/08/32", HttpStatusCode.BadRequest)]
    [InlineData("/all/08/00", HttpStatusCode.BadRequest)]
    [InlineData("/all/02/30", HttpStatusCode.BadRequest)]
    [InlineData("/all/04/31", HttpStatusCode.BadRequest)]
    [InlineData("/all/aug/04", HttpStatusCode.BadRequest)]
    [InlineData("/all/08/4x", HttpStatusCode.BadRequest)]
    [InlineData("/all/008/04", HttpStatusCode.BadRequest)]
    [InlineData("/all/+8/04", HttpStatusCode.BadRequest)]
    public async Task Feed_RefusesUnknownTypesAndDaysAsProblemJson(string path, HttpStatusCode status)
    {
        var response = await app.CreateReaderClient().GetAsync(Feed + path, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, status);
    }

    private static void AssertItem(JsonElement item, bool hasYear)
    {
        if (hasYear)
        {
            AssertProperties(item, ("text", JsonValueKind.String), ("pages", JsonValueKind.Array), ("year", JsonValueKind.Number));
            Assert.True(item.GetProperty("year").TryGetInt32(out _));
        }
        else
        {
            AssertProperties(item, ("text", JsonValueKind.String), ("pages", JsonValueKind.Array));
        }

        var page = item.GetProperty("pages").EnumerateArray().Single();
        AssertProperties(page,
            ("type", JsonValueKind.String),
            ("title", JsonValueKind.String),
            ("displaytitle", JsonValueKind.String),
            ("titles", JsonValueKind.Object),
            ("pageid", JsonValueKind.Number),
            ("extract", JsonValueKind.String),
            ("extract_html", JsonValueKind.String),
            ("thumbnail", JsonValueKind.Object),
            ("originalimage", JsonValueKind.Object),
            ("content_urls", JsonValueKind.Object),
            ("lang", JsonValueKind.String),
            ("dir", JsonValueKind.String),
            ("revision", JsonValueKind.String),
            ("timestamp", JsonValueKind.String),
            ("description", JsonValueKind.String));
        AssertProperties(page.GetProperty("titles"), ("canonical", JsonValueKind.String), ("normalized", JsonValueKind.String), ("display", JsonValueKind.String));
        foreach (var image in new[] { "thumbnail", "originalimage" })
        {
            AssertProperties(page.GetProperty(image), ("source", JsonValueKind.String), ("width", JsonValueKind.Number), ("height", JsonValueKind.Number));
        }

        AssertProperties(page.GetProperty("content_urls"), ("desktop", JsonValueKind.Object), ("mobile", JsonValueKind.Object));
        foreach (var device in new[] { "desktop", "mobile" })
        {
            AssertProperties(page.GetProperty("content_urls").GetProperty(device), ("page", JsonValueKind.String), ("revisions", JsonValueKind.String), ("edit", JsonValueKind.String));
        }

        Assert.Equal("standard", page.GetProperty("type").GetString());
        Assert.Equal(item.GetProperty("text").GetString(), page.GetProperty("titles").GetProperty("normalized").GetString());
    }
}
