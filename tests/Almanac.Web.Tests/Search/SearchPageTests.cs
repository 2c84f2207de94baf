using System.Net;
using System.Text.Json;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Search;

public class SearchPageTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchPage_FindsTheStoryByAnAccentlessNameAndMarksTheWords()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/search?q=alvaro+obregon");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = page.QuerySelector(".search-results li");
        Assert.NotNull(first);
        Assert.Equal($"/on-this-day/{Samples.MexicoUssr}", first.QuerySelector("h2 a")?.GetAttribute("href"));
        Assert.Contains(first.QuerySelectorAll(".search-snippet mark"), m => m.TextContent == "Obregón");
        Assert.Contains("1 story matches", page.QuerySelector(".search-count").Text(), StringComparison.Ordinal);
        Assert.Equal("alvaro obregon", page.QuerySelector("#search-q")?.GetAttribute("value"));
    }

    [Fact]
    public async Task SearchPage_MarksMatchesInTheTitle()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/search?q=mexico+ussr+1924");

        var title = page.QuerySelector(".search-results li h2 a");
        Assert.Equal(["Mexico", "USSR"], title!.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal("Diplomatic Relations Established between Mexico and the USSR", title.TextContent);
    }

    [Fact]
    public async Task SearchPage_IsNotCachedNorIndexed()
    {
        var client = app.CreateReaderClient();
        Assert.Empty((await client.GetOkPageAsync("/search?q=tlaxcalan")).QuerySelectorAll(".search-results li"));
        var (response, page) = await client.GetPageAsync("/search?q=caesar");

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("noindex", page.Meta("robots"));
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json']), [style], style"));

        // A story published after the first request shows up on the next one: nothing was cached.
        await using (var scope = app.OpenDb())
        {
            var story = await scope.Db.Stories.SingleAsync(s => s.Slug == "1989-the-berlin-wall-opens", Ct);
            story.Title = "The Berlin Wall Opens to Tlaxcalan Crowds";
            await scope.Db.SaveChangesAsync(Ct);
        }

        var again = await client.GetOkPageAsync("/search?q=tlaxcalan");
        Assert.Single(again.QuerySelectorAll(".search-results li"));
    }

    [Fact]
    public async Task SearchForm_HasLabelledFieldsAndWorksAsAPlainGet()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/search");

        var form = page.QuerySelector("form.search-form");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        foreach (var name in new[] { "q", "kind", "category", "topic", "from", "to" })
        {
            var field = form.QuerySelector($"[name='{name}']");
            Assert.NotNull(field);
            Assert.NotNull(page.QuerySelector($"label[for='{field.Id}']"));
        }

        Assert.Contains(form.QuerySelectorAll("select[name='kind'] option"), o => o.GetAttribute("value") == "birth");
        Assert.Contains(form.QuerySelectorAll("select[name='category'] option"), o => o.GetAttribute("value") == "politics-government");
        Assert.Null(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Contains("Type a word", page.QuerySelector(".search-note").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_HasASearchBoxInTheHeader()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/august-4");

        var form = page.QuerySelector("header form[role=search]");
        Assert.NotNull(form);
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[name=q]");
        Assert.NotNull(input);
        Assert.NotNull(form.QuerySelector($"label[for='{input.Id}']"));
    }

    [Fact]
    public async Task Filters_NarrowTheHitsAndAreKeptInTheForm()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/search?q=assassinated&from=100+BC&to=1+BC");

        Assert.Equal(["Julius Caesar Is Assassinated in the Senate"], page.QuerySelectorAll(".search-results h2").Select(h => h.TextContent));
        Assert.Equal("100 BC", page.QuerySelector("#search-from")?.GetAttribute("value"));
        Assert.Contains("15 March 44 BC", page.QuerySelector(".search-results .meta").Text(), StringComparison.Ordinal);

        var births = await app.CreateReaderClient().GetOkPageAsync("/search?q=lincoln&kind=birth");
        Assert.Equal("Abraham Lincoln Is Born in a Kentucky Log Cabin", births.QuerySelector(".search-results h2").Text());
        Assert.NotNull(births.QuerySelector("#search-kind option[value=birth][selected]"));

        var topic = await app.CreateReaderClient().GetOkPageAsync("/search?q=london&topic=Karl+Marx");
        Assert.Equal(2, topic.QuerySelectorAll(".search-results li").Length);
    }

    [Fact]
    public async Task NoResults_SuggestsWhatToTry()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/search?q=quetzalcoatlus+zzqx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var empty = page.QuerySelector(".search-empty").Text();
        Assert.Contains("No stories match “quetzalcoatlus zzqx”", empty, StringComparison.Ordinal);
        Assert.Contains("try fewer words, check the spelling", empty, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.QuerySelector(".search-empty a[href='/']"));
    }

    [Theory]
    [InlineData("from", "last+year", "is not a year")]
    [InlineData("to", "44+BCX", "is not a year")]
    [InlineData("topic", "no+such+topic", "There is no topic")]
    [InlineData("kind", "dragon", "Choose a kind")]
    public async Task ABadFilter_GetsAMessageNextToItsField(string field, string value, string message)
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync($"/search?q=caesar&{field}={value}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var input = page.QuerySelector($"#search-{field}");
        Assert.Equal("true", input?.GetAttribute("aria-invalid"));
        var error = page.QuerySelector($"#{input!.GetAttribute("aria-describedby")}");
        Assert.Contains(message, error.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".search-results"));
    }

    [Fact]
    public async Task FromAfterTo_IsExplained()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/search?q=caesar&from=1900&to=44-bc");

        Assert.Contains("must not come before", page.QuerySelector("#search-to-error").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%22*%3A(NEAR")]
    [InlineData("title%3Acaesar+OR+NOT")]
    [InlineData("%22%22%22")]
    [InlineData("-")]
    [InlineData("NEAR(caesar+brutus%2C+2)")]
    [InlineData("%E2%80%8B%00")]
    public async Task NonsenseQueries_AnswerWithAPageNotAnError(string q)
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync($"/search?q={q}&page=abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("form.search-form"));
        Assert.True(page.QuerySelector(".search-note") is not null || page.QuerySelector(".search-empty") is not null || page.QuerySelector(".search-results") is not null);
    }

    [Fact]
    public async Task AVeryLongQuery_IsCutAndThePageSaysSo()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync($"/search?q=caesar+{new string('x', 400)}");

        Assert.Contains(page.QuerySelectorAll(".search-note"), n => n.TextContent.Contains("cut to its first 200 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredMarkup_IsShownAsTextAroundTheMarks()
    {
        await using (var scope = app.OpenDb())
        {
            var story = new Story
            {
                Slug = "1999-hostile-title",
                Title = "Xylophonist <script>alert(1)</script> plays <mark>loud</mark> & <b>bold</b>",
                Kind = StoryKind.Event,
                Date = Core.Calendar.HistoricalDate.OnDay(1999, 5, 5),
                Summary = "A <img src=x onerror=alert(2)> xylophonist summary.",
                Status = StoryStatus.Published,
                CreatedAtUtc = app.Time.GetUtcNow().UtcDateTime.AddDays(-1),
                PublishedAtUtc = app.Time.GetUtcNow().UtcDateTime.AddDays(-1),
                UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime.AddDays(-1),
            };
            story.SetBody("Body.");
            scope.Db.Stories.Add(story);
            await scope.Db.SaveChangesAsync(Ct);
        }

        var response = await app.CreateReaderClient().GetAsync("/search?q=xylophonist", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, Ct);

        var title = page.QuerySelector(".search-results h2 a");
        Assert.NotNull(title);
        Assert.Empty(title.QuerySelectorAll("script, b"));
        Assert.Equal(["Xylophonist"], title.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Equal("Xylophonist <script>alert(1)</script> plays <mark>loud</mark> & <b>bold</b>", title.TextContent);
        Assert.Empty(page.QuerySelectorAll(".search-results img"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyHits_ArePagedWithLinksThatKeepTheQuery()
    {
        var client = app.CreateReaderClient();
        var first = await client.GetOkPageAsync("/search?q=the&kind=event");

        var next = first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal("/search?q=the&kind=event&page=2", next);
        var second = await client.GetOkPageAsync(next!);
        Assert.Contains("Page 2 of", second.QuerySelector(".pager span").Text(), StringComparison.Ordinal);
        Assert.Empty(first.QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href"))
            .Intersect(second.QuerySelectorAll(".search-results h2 a").Select(a => a.GetAttribute("href"))));
    }

    [Fact]
    public async Task Api_ReturnsRankedHitsWithMarkedHtmlAndLinks()
    {
        var response = await app.CreateReaderClient().GetAsync("/api/v1/search?q=alvaro+obregon", Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("alvaro obregon", body.GetProperty("query").GetString());
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        var hit = body.GetProperty("items")[0];
        Assert.Equal(Samples.MexicoUssr, hit.GetProperty("story").GetProperty("slug").GetString());
        Assert.Contains("<mark>Obregón</mark>", hit.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        Assert.True(hit.GetProperty("rank").GetDouble() > 0);
        Assert.Equal("https://almanac.test/search?q=alvaro%20obregon", body.GetProperty("links").GetProperty("html").GetString());
    }

    [Fact]
    public async Task Api_PagesWithNextLinks()
    {
        var client = app.CreateReaderClient();
        var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=the&perPage=5&from=1900", Ct)).RootElement;

        Assert.Equal(5, body.GetProperty("items").GetArrayLength());
        var next = body.GetProperty("links").GetProperty("next").GetString();
        Assert.Equal("https://almanac.test/api/v1/search?q=the&from=1900&page=2&perPage=5", next);
        var second = JsonDocument.Parse(await client.GetStringAsync(next, Ct)).RootElement;
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.All(second.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("story").GetProperty("date").GetProperty("year").GetInt32() >= 1900));
    }

    [Theory]
    [InlineData("/api/v1/search?q=caesar&from=last+year", "from:")]
    [InlineData("/api/v1/search?q=caesar&kind=dragon", "not a kind")]
    [InlineData("/api/v1/search?q=caesar&category=nope", "no category")]
    [InlineData("/api/v1/search?q=caesar&topic=nope", "no topic")]
    [InlineData("/api/v1/search?q=caesar&perPage=1000", "perPage")]
    [InlineData("/api/v1/search?q=caesar&from=1900&to=1800", "must not come after")]
    public async Task Api_RejectsBadFiltersWithProblemJson(string url, string detail)
    {
        var response = await app.CreateReaderClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AnEmptyQueryGivesNoItemsAndAMessage()
    {
        var body = JsonDocument.Parse(await app.CreateReaderClient().GetStringAsync("/api/v1/search?q=+", Ct)).RootElement;

        Assert.Equal(0, body.GetProperty("total").GetInt32());
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.Contains("no words", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%22*%3A(NEAR")]
    [InlineData("title%3A+OR+(")]
    [InlineData("%22%22%22")]
    public async Task Api_HostileSyntaxIsSearchedAsText(string q)
    {
        var response = await app.CreateReaderClient().GetAsync($"/api/v1/search?q={q}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(JsonValueKind.Array, body.GetProperty("items").ValueKind);
    }
}
