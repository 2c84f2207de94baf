using System.Net;
using System.Text.Json;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Topics;

public class TopicPageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PersonTopic_ShowsKindLifeDatesDescriptionAndIsAPersonInJsonLd()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/topic/alvaro-obregon");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertPublicAndCookieFree();
        page.AssertHasPageMetadata("https://almanac.test/topic/alvaro-obregon", "Person");
        Assert.Equal("Person", page.QuerySelector(".topic-kind").Text());
        Assert.Equal("Álvaro Obregón", page.QuerySelector("h1").Text());
        Assert.Equal("1880–1928", page.QuerySelector(".life-dates").Text());
        Assert.StartsWith("Mexican general and president", page.QuerySelector(".topic-description").Text(), StringComparison.Ordinal);
        Assert.Equal(["1880-02-19", "1928-07-17"], page.QuerySelectorAll("dl.life-facts time").Select(t => t.GetAttribute("datetime")));

        var person = page.JsonLd();
        Assert.Equal("1880-02-19", person.GetProperty("birthDate").GetString());
        Assert.Equal("1928-07-17", person.GetProperty("deathDate").GetString());
        Assert.Equal("ItemList", person.GetProperty("subjectOf").GetProperty("@type").GetString());
    }

    [Fact]
    public async Task PersonTopic_BeforeChrist_WritesTheEraOnce()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/topic/julius-caesar");

        Assert.Equal("100–44 BC", page.QuerySelector(".life-dates").Text());
        Assert.Equal("-0043-03-15", page.JsonLd().GetProperty("deathDate").GetString());
    }

    [Fact]
    public async Task PlaceTopic_ShowsItsKind_AndItsStoriesOldestFirst()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/topic/united-states");

        Assert.Equal("Place", page.QuerySelector(".topic-kind").Text());
        Assert.Null(page.QuerySelector(".life-dates"));
        Assert.Equal("ItemList", page.JsonLd().GetProperty("@type").GetString());
        var years = page.QuerySelectorAll("ol.timeline .timeline-year").Select(y => Year(y.Text())).ToList();
        Assert.True(years.Count > 10);
        Assert.Equal(years.Order(), years);
    }

    [Fact]
    public async Task TopicStories_PutBcFirst()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/topic/rome");

        var years = page.QuerySelectorAll("ol.timeline .timeline-year").Select(y => y.Text()).ToList();
        Assert.EndsWith("BC", years[0], StringComparison.Ordinal);
        Assert.Equal(years.Select(Year).Order(), years.Select(Year));
    }

    [Fact]
    public async Task TopicIndex_ShowsEachTopicsKind()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/topics");

        string KindOf(string name) => page.QuerySelectorAll("ul.topic-index li").Single(li => li.QuerySelector("a").Text() == name).QuerySelector(".topic-kind").Text();
        Assert.Equal("Person", KindOf("Álvaro Obregón"));
        Assert.Equal("Place", KindOf("Mexico"));
        Assert.Equal("Theme", KindOf("World War I"));
        Assert.Equal("Organisation", KindOf("NASA"));
    }

    [Fact]
    public async Task TopicApi_GivesKindAndLifeDates_WithAstronomicalYears()
    {
        var client = app.CreateReaderClient();

        using var obregon = JsonDocument.Parse(await client.GetStringAsync("/api/v1/topics/alvaro-obregon", Ct));
        var root = obregon.RootElement;
        Assert.Equal("person", root.GetProperty("kind").GetString());
        Assert.Equal("1880–1928", root.GetProperty("lifeDates").GetString());
        Assert.Equal("1880-02-19", root.GetProperty("born").GetProperty("iso").GetString());
        Assert.Equal("1928-07-17", root.GetProperty("died").GetProperty("iso").GetString());
        Assert.StartsWith("Mexican general", root.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("image").ValueKind);
        Assert.Equal(1, root.GetProperty("total").GetInt32());

        using var caesar = JsonDocument.Parse(await client.GetStringAsync("/api/v1/topics/julius-caesar", Ct));
        Assert.Equal(-99, caesar.RootElement.GetProperty("born").GetProperty("year").GetInt32());

        using var mexico = JsonDocument.Parse(await client.GetStringAsync("/api/v1/topics/mexico", Ct));
        Assert.Equal("place", mexico.RootElement.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, mexico.RootElement.GetProperty("born").ValueKind);
    }

    [Fact]
    public async Task TopicWithAnImage_ShowsItWithItsAltTextAndCredit()
    {
        await using (var scope = app.OpenDb())
        {
            var topic = scope.Db.Topics.Single(t => t.Slug == "mount-everest");
            topic.Image = new Core.Media.MediaItem
            {
                StorageKey = "everest-test.jpg",
                ContentType = "image/jpeg",
                Width = 1600,
                Height = 1200,
                VariantWidths = [480, 960, 1600],
                AltText = "The north face of Everest",
                CreditText = "A photographer",
                CreatedAtUtc = app.Time.GetUtcNow().UtcDateTime,
            };
            await scope.Db.SaveChangesAsync(Ct);
        }

        var page = await app.CreateReaderClient().GetOkPageAsync("/topic/mount-everest");

        var image = page.QuerySelector(".topic-image img");
        Assert.NotNull(image);
        Assert.Equal("The north face of Everest", image.GetAttribute("alt"));
        int id = await Id();
        Assert.Equal($"/media/{id}/960.jpg", image.GetAttribute("src"));
        Assert.Equal("A photographer", page.QuerySelector(".topic-image figcaption").Text());
    }

    private async Task<int> Id()
    {
        await using var scope = app.OpenDb();
        return scope.Db.Topics.Where(t => t.Slug == "mount-everest").Select(t => t.ImageId!.Value).Single();
    }

    private static int Year(string label) =>
        label.EndsWith(" BC", StringComparison.Ordinal) ? 1 - int.Parse(label[..^3], System.Globalization.CultureInfo.InvariantCulture)
        : int.Parse(label.Replace("AD ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
