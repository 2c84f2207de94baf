using Almanac.Core.Search;
using Almanac.Core.Stories;

namespace Almanac.Core.Tests.Search;

/// <summary>What readers type, and the story they should find first, on the sample stories.</summary>
public class SearchRelevanceTests(SampleSearchFixture fixture) : IClassFixture<SampleSearchFixture>
{
    private const string MexicoUssr = "Diplomatic Relations Established between Mexico and the USSR";

    private SearchDatabase Db => fixture.Database;

    [Theory]
    [InlineData("obregon", MexicoUssr)]
    [InlineData("alvaro obregon", MexicoUssr)]
    [InlineData("Álvaro Obregón", MexicoUssr)]
    [InlineData("ÁLVARO OBREGÓN ", MexicoUssr)]
    [InlineData("obreg", MexicoUssr)]
    [InlineData("mexico ussr 1924", MexicoUssr)]
    [InlineData("kollontai", MexicoUssr)]
    [InlineData("einst", "Albert Einstein Is Born in Ulm")]
    [InlineData("\"treaty of rome\"", "Six Nations Sign the Treaty of Rome, Founding the Common Market")]
    [InlineData("44 BC", "Julius Caesar Is Assassinated in the Senate")]
    [InlineData("caesar senate", "Julius Caesar Is Assassinated in the Senate")]
    [InlineData("titanic iceberg", "The Titanic Sinks After Striking an Iceberg in the North Atlantic")]
    [InlineData("gagarin", "Yuri Gagarin Becomes the First Human in Space")]
    [InlineData("galapagos", "Charles Darwin, Architect of the Theory of Evolution, Is Born")]
    [InlineData("fete nationale", "France Celebrates Its First Official Fête Nationale")]
    [InlineData("berlin wall", "The Berlin Wall Opens")]
    [InlineData("mozart salzburg", "Wolfgang Amadeus Mozart Is Born in Salzburg")]
    [InlineData("GUTENBERG", "Johannes Gutenberg's Printing Press Begins Work in Mainz")]
    [InlineData("sarajevo archduke", "Archduke Franz Ferdinand Is Assassinated in Sarajevo")]
    [InlineData("apollo moon", "Apollo 11 Lands on the Moon")]
    public async Task Query_FindsTheExpectedStoryFirst(string query, string expectedTitle)
    {
        var titles = await Db.TitlesAsync(query);

        Assert.NotEmpty(titles);
        Assert.Equal(expectedTitle, titles[0]);
    }

    [Fact]
    public async Task TitleMatches_RankAboveTopicMatches()
    {
        var titles = await Db.TitlesAsync("lincoln");

        // Two stories have Lincoln in the title; others name him in a topic or the body.
        Assert.True(titles.Count > 2);
        Assert.All(titles.Take(2), t => Assert.Contains("Lincoln", t, StringComparison.Ordinal));
        Assert.All(titles.Skip(2), t => Assert.DoesNotContain("Lincoln", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuotedPhrase_MatchesOnlyWordsInThatOrder()
    {
        var phrase = await Db.TitlesAsync("\"rome treaty\"");
        var words = await Db.TitlesAsync("rome treaty");

        Assert.Empty(phrase);
        Assert.Contains("Six Nations Sign the Treaty of Rome, Founding the Common Market", words);
    }

    [Fact]
    public async Task AYearRangeBeforeChrist_FindsOnlyStoriesInIt()
    {
        var all = await Db.SearchAsync(new SearchQuery("assassinated"));
        var bc = await Db.SearchAsync(new SearchQuery("assassinated", FromYear: -99, ToYear: 0));

        Assert.True(all.Total >= 2);
        Assert.Equal(["Julius Caesar Is Assassinated in the Senate"], bc.Hits.Select(h => h.Story.Title));
        Assert.All(bc.Hits, h => Assert.InRange(h.Story.Year, -99, 0));
    }

    [Fact]
    public async Task KindFilter_KeepsOnlyThatKind()
    {
        var deaths = await Db.SearchAsync(new SearchQuery("lincoln", Kind: StoryKind.Death));
        var births = await Db.SearchAsync(new SearchQuery("lincoln", Kind: StoryKind.Birth));

        Assert.Equal("Abraham Lincoln Dies the Morning After Being Shot at Ford's Theatre", deaths.Hits[0].Story.Title);
        Assert.All(deaths.Hits, h => Assert.Equal(StoryKind.Death, h.Story.Kind));
        Assert.Equal("Abraham Lincoln Is Born in a Kentucky Log Cabin", births.Hits[0].Story.Title);
        Assert.All(births.Hits, h => Assert.Equal(StoryKind.Birth, h.Story.Kind));
    }

    [Fact]
    public async Task CategoryFilter_KeepsOnlyThatCategory()
    {
        var all = await Db.SearchAsync(new SearchQuery("olympic"));
        var sports = await Db.SearchAsync(new SearchQuery("first", CategorySlug: "sports"));

        Assert.Equal(2, all.Total);
        Assert.NotEmpty(sports.Hits);
        Assert.Contains(sports.Hits, h => h.Story.Title == "The First Modern Olympic Games Open in Athens");
        Assert.DoesNotContain(sports.Hits, h => h.Story.Title == "Apollo 11 Lands on the Moon");
        Assert.Empty((await Db.SearchAsync(new SearchQuery("olympic", CategorySlug: "disasters"))).Hits);
    }

    [Fact]
    public async Task TopicFilter_KeepsOnlyThatTopic()
    {
        var london = await Db.SearchAsync(new SearchQuery("london", TopicSlug: "karl-marx"));

        Assert.Equal(2, london.Total);
        Assert.All(london.Hits, h => Assert.Contains("Marx", h.Story.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoMatch_GivesAnEmptyPage()
    {
        var results = await Db.SearchAsync(new SearchQuery("zzqxv quetzalcoatlus"));

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
        Assert.False(results.Parsed.IsEmpty);
    }

    [Theory]
    [InlineData("\"*:(NEAR")]
    [InlineData("title:caesar OR")]
    [InlineData("NEAR(caesar brutus, 2)")]
    [InlineData("-")]
    [InlineData("\"\"\"")]
    [InlineData("caesar*")]
    [InlineData("a:b:c ^ {title body} :")]
    public async Task HostileSyntax_NeverFails(string query)
    {
        var results = await Db.SearchAsync(new SearchQuery(query));

        Assert.True(results.Total >= 0);
    }

    [Fact]
    public async Task Hits_HighlightTheMatchedWordsInTitleAndSnippet()
    {
        var hit = (await Db.SearchAsync(new SearchQuery("alvaro obregon"))).Hits[0];

        Assert.Equal("Diplomatic Relations Established between Mexico and the USSR", hit.TitleHtml);
        Assert.Contains("<mark>Obregón</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.True(hit.Rank > 0);

        var mexico = (await Db.SearchAsync(new SearchQuery("mexico ussr"))).Hits[0];
        Assert.Contains("<mark>Mexico</mark>", mexico.TitleHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>USSR</mark>", mexico.TitleHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_SplitTheHitsWithoutOverlap()
    {
        var first = await Db.SearchAsync(new SearchQuery("the", PerPage: 5));
        var second = await Db.SearchAsync(new SearchQuery("the", Page: 2, PerPage: 5));

        Assert.True(first.Total > 10);
        Assert.Equal(5, first.Hits.Count);
        Assert.Equal(5, second.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Story.Id).Intersect(second.Hits.Select(h => h.Story.Id)));
        Assert.Equal(first.Total, second.Total);
    }
}

/// <summary>A search ranks a bounded window of matches: the newest ones, after the filters.</summary>
public class SearchCandidateCapTests(SampleSearchFixture fixture) : IClassFixture<SampleSearchFixture>
{
    private const int Cap = 5;

    private SearchDatabase Db => fixture.Database;

    [Fact]
    public async Task ABroadQuery_RanksOnlyTheNewestMatchesAndSaysTheTotalIsALowerBound()
    {
        var everything = await Db.SearchAsync(new SearchQuery("the", PerPage: 100));
        Assert.False(everything.TotalIsCapped);
        Assert.True(everything.Total > Cap * 2, $"the sample corpus should hold many stories with \"the\", found {everything.Total}");

        var capped = await SearchAsync(new SearchQuery("the", PerPage: 100));

        Assert.True(capped.TotalIsCapped);
        Assert.Equal(Cap, capped.Total);
        var newest = everything.Hits.Select(h => h.Story.Id).OrderDescending().Take(Cap).Order();
        Assert.Equal(newest, capped.Hits.Select(h => h.Story.Id).Order());
        // Within the window, still best first.
        Assert.Equal(capped.Hits.OrderByDescending(h => h.Rank).Select(h => h.Story.Id), capped.Hits.Select(h => h.Story.Id));
    }

    [Fact]
    public async Task FiltersApplyInsideTheWindow()
    {
        var births = await Db.SearchAsync(new SearchQuery("the", StoryKind.Birth, PerPage: 100));
        Assert.True(births.Total > Cap, $"the sample corpus should hold more than {Cap} births with \"the\", found {births.Total}");

        var capped = await SearchAsync(new SearchQuery("the", StoryKind.Birth, PerPage: 100));

        Assert.Equal(Cap, capped.Hits.Count);
        Assert.All(capped.Hits, h => Assert.Equal(StoryKind.Birth, h.Story.Kind));
        Assert.Equal(births.Hits.Select(h => h.Story.Id).OrderDescending().Take(Cap).Order(), capped.Hits.Select(h => h.Story.Id).Order());
    }

    [Fact]
    public async Task AQueryBelowTheCap_IsExact()
    {
        var exact = await Db.SearchAsync(new SearchQuery("obregon"));
        var windowed = await SearchAsync(new SearchQuery("obregon"));

        Assert.False(windowed.TotalIsCapped);
        Assert.Equal(exact.Hits.Select(h => h.Story.Id), windowed.Hits.Select(h => h.Story.Id));
    }

    private async Task<SearchResults> SearchAsync(SearchQuery query)
    {
        await using var db = Db.OpenAny();
        return await StorySearch.For(db, Cap).SearchAsync(query, SearchDatabase.Now);
    }
}
