using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Api;

public class ApiTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private const string Caesar = "44-bc-julius-caesar-is-assassinated-in-the-senate";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Day_LeadsWithTheStoryOfTheDayAndListsTheOthersWithDates()
    {
        var day = await GetJsonAsync("/api/v1/days/08-04");

        Assert.Equal("08-04", day.GetProperty("day").GetProperty("numeric").GetString());
        Assert.Equal("https://almanac.test/day/august-4", day.GetProperty("day").GetProperty("links").GetProperty("html").GetString());
        var featured = day.GetProperty("featured");
        Assert.Equal(Samples.MexicoUssr, featured.GetProperty("slug").GetString());
        var date = featured.GetProperty("date");
        Assert.Equal("1924-08-04", date.GetProperty("iso").GetString());
        Assert.Equal(1924, date.GetProperty("year").GetInt32());
        Assert.Equal("day", date.GetProperty("precision").GetString());
        Assert.Equal("4 August 1924", date.GetProperty("display").GetString());
        Assert.Equal($"https://almanac.test/api/v1/stories/{Samples.MexicoUssr}", featured.GetProperty("links").GetProperty("api").GetString());

        var others = day.GetProperty("stories").EnumerateArray().ToList();
        Assert.NotEmpty(others);
        Assert.DoesNotContain(others, s => s.GetProperty("slug").GetString() == Samples.MexicoUssr);
        Assert.All(others, s => Assert.Equal("08-04", s.GetProperty("day").GetString()));
        Assert.Equal(JsonValueKind.Null, day.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("8-4")]
    [InlineData("august-4")]
    [InlineData("August-4")]
    public async Task Day_AcceptsEveryWrittenFormOfTheDay(string written)
    {
        var day = await GetJsonAsync($"/api/v1/days/{written}");
        Assert.Equal("08-04", day.GetProperty("day").GetProperty("numeric").GetString());
    }

    [Fact]
    public async Task Today_FollowsTheSiteClock()
    {
        var day = await GetJsonAsync("/api/v1/days/today");
        Assert.Equal("08-04", day.GetProperty("day").GetProperty("numeric").GetString());
    }

    [Fact]
    public async Task Story_HasItsHistoricalDateWithANegativeYearForBc()
    {
        var story = await GetJsonAsync($"/api/v1/stories/{Caesar}");

        var date = story.GetProperty("date");
        Assert.Equal(-43, date.GetProperty("year").GetInt32());
        Assert.Equal("-0043-03-15", date.GetProperty("iso").GetString());
        Assert.Equal("44 BC", date.GetProperty("yearLabel").GetString());
        Assert.Equal("03-15", story.GetProperty("day").GetString());
        Assert.Equal("event", story.GetProperty("kind").GetString());
        Assert.Contains("<p>", story.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(story.GetProperty("sources").EnumerateArray());
        Assert.NotEmpty(story.GetProperty("topics").EnumerateArray());
        Assert.NotEmpty(story.GetProperty("related").EnumerateArray());
        Assert.DoesNotContain(story.GetProperty("related").EnumerateArray(), r => r.GetProperty("slug").GetString() == Caesar);

        var image = story.GetProperty("image");
        Assert.Equal($"https://almanac.test/cover/{Caesar}/1200.png", image.GetProperty("url").GetString());
        Assert.Equal(630, image.GetProperty("height").GetInt32());
        Assert.Equal("Illustration: Almanac", image.GetProperty("credit").GetProperty("text").GetString());
        Assert.Equal(3, image.GetProperty("variants").GetArrayLength());
        Assert.True(DateTimeOffset.TryParse(story.GetProperty("updatedAt").GetString(), out _));
    }

    [Fact]
    public async Task OldStyleStory_CarriesBothReadings()
    {
        var day = await GetJsonAsync("/api/v1/days/11-07");
        var story = day.GetProperty("featured").ValueKind == JsonValueKind.Object && day.GetProperty("featured").GetProperty("date").GetProperty("calendar").GetString() == "julian"
            ? day.GetProperty("featured")
            : day.GetProperty("stories").EnumerateArray().First(s => s.GetProperty("date").GetProperty("calendar").GetString() == "julian");

        Assert.Equal("1917-10-25", story.GetProperty("date").GetProperty("iso").GetString());
        Assert.Equal("1917-11-07", story.GetProperty("date").GetProperty("gregorianIso").GetString());
    }

    [Fact]
    public async Task Listings_PageWithNextLinksUntilEveryStoryIsSeenOnce()
    {
        var seen = new List<string>();
        string? next = "/api/v1/kinds/birth?perPage=4";
        int total = -1;
        while (next is not null)
        {
            var page = await GetJsonAsync(next);
            total = page.GetProperty("total").GetInt32();
            Assert.Equal(4, page.GetProperty("perPage").GetInt32());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!));
            var link = page.GetProperty("links").GetProperty("next");
            next = link.ValueKind == JsonValueKind.Null ? null : link.GetString()!.Replace("https://almanac.test", "", StringComparison.Ordinal);
        }

        Assert.Equal(14, total);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/api/v1/years/44-bc", "44 BC")]
    [InlineData("/api/v1/years/1924", "1924")]
    [InlineData("/api/v1/kinds/death", "Deaths")]
    public async Task Listings_NameWhatTheyList(string path, string name)
    {
        var listing = await GetJsonAsync(path);
        Assert.Equal(name, listing.GetProperty("name").GetString());
        Assert.True(listing.GetProperty("total").GetInt32() > 0);
        var years = listing.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("date").GetProperty("year").GetInt32()).ToList();
        Assert.Equal(years.Order(), years);
    }

    [Fact]
    public async Task CategoryAndTopicIndexes_LeadToTheirListings()
    {
        var categories = await GetJsonAsync("/api/v1/categories?perPage=100");
        Assert.Equal(10, categories.GetProperty("total").GetInt32());
        var first = categories.GetProperty("items")[0];
        var listing = await GetJsonAsync(first.GetProperty("links").GetProperty("api").GetString()!.Replace("https://almanac.test", "", StringComparison.Ordinal));
        Assert.Equal(first.GetProperty("stories").GetInt32(), listing.GetProperty("total").GetInt32());

        var topics = await GetJsonAsync("/api/v1/topics");
        Assert.Equal(211, topics.GetProperty("total").GetInt32());
        Assert.Equal(30, topics.GetProperty("items").GetArrayLength());
        var names = topics.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), true)), names);
    }

    [Theory]
    [InlineData("/api/v1/days/13-45", HttpStatusCode.BadRequest, "not a calendar day")]
    [InlineData("/api/v1/days/02-30", HttpStatusCode.BadRequest, "not a calendar day")]
    [InlineData("/api/v1/days/08-04?page=0", HttpStatusCode.BadRequest, "page starts at 1")]
    [InlineData("/api/v1/days/08-04?page=9", HttpStatusCode.NotFound, "page(s)")]
    [InlineData("/api/v1/years/0", HttpStatusCode.BadRequest, "not a year")]
    [InlineData("/api/v1/kinds/battle", HttpStatusCode.BadRequest, "not a kind")]
    [InlineData("/api/v1/kinds/birth?perPage=1000", HttpStatusCode.BadRequest, "perPage")]
    [InlineData("/api/v1/categories/no-such-thing", HttpStatusCode.NotFound, "no category")]
    [InlineData("/api/v1/topics/no-such-thing", HttpStatusCode.NotFound, "no topic")]
    [InlineData("/api/v1/stories/no-such-story", HttpStatusCode.NotFound, "no published story")]
    [InlineData("/api/v1/nothing/here", HttpStatusCode.NotFound, "no API resource")]
    public async Task Errors_AreProblemJsonThatSayWhatWentWrong(string path, HttpStatusCode status, string detail)
    {
        var response = await app.CreateReaderClient().GetAsync(path, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarryAnETagAndAnswer304()
    {
        var client = app.CreateReaderClient();
        var first = await client.GetAsync($"/api/v1/stories/{Samples.MexicoUssr}", Ct);
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/stories/{Samples.MexicoUssr}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        var second = await client.SendAsync(again, Ct);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Responses_AllowAnyOriginToRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/days/08-04");
        request.Headers.Add("Origin", "https://elsewhere.example");
        var response = await app.CreateReaderClient().SendAsync(request, Ct);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task StoryJson_IsEncodedSafelyForHostileText()
    {
        await using (var scope = app.OpenDb())
        {
            var story = new Core.Stories.Story
            {
                Slug = "2001-api-hostile",
                Title = "</script><script>alert(1)</script> \"quoted\"",
                Kind = Core.Stories.StoryKind.Event,
                Date = Core.Calendar.HistoricalDate.OnDay(2001, 5, 5),
                Summary = "A summary with \u2028 a line separator",
                Status = Core.Stories.StoryStatus.Published,
                PublishedAtUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                UpdatedAtUtc = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            story.SetBody("Hello <img src=x onerror=alert(1)>");
            scope.Db.Stories.Add(story);
            await scope.Db.SaveChangesAsync(Ct);
        }

        var response = await app.CreateReaderClient().GetAsync("/api/v1/stories/2001-api-hostile", Ct);
        var raw = await response.Content.ReadAsStringAsync(Ct);
        var json = JsonDocument.Parse(raw).RootElement;

        Assert.Equal("</script><script>alert(1)</script> \"quoted\"", json.GetProperty("title").GetString());
        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", json.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await app.CreateReaderClient().GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }
}
