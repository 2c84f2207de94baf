using System.Net;
using System.Text.Json;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.MostRead;

public class MostReadListTests(AlmanacApp app) : IClassFixture<AlmanacApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private List<(int Id, string Slug, string Title)> stories = [];

    public async ValueTask InitializeAsync()
    {
        await using var scope = app.OpenDb();
        stories = [.. (await scope.Db.Stories.OrderBy(s => s.Id).Take(5).Select(s => new { s.Id, s.Slug, s.Title }).ToListAsync())
            .Select(s => (s.Id, s.Slug, s.Title))];
        if (await scope.Db.StoryReads.AnyAsync())
        {
            return;
        }

        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        // This week: story 2 has 9 reads over two days, stories 0 and 1 tie on 5 (lower id first), story 3 has 1.
        // Story 4 was read a lot, but eight days ago: outside the week.
        await ReadCounts.AddAsync(scope.Db, [
            (stories[2].Id, today, 4), (stories[2].Id, today.AddDays(-6), 5),
            (stories[1].Id, today, 5), (stories[0].Id, today.AddDays(-1), 5),
            (stories[3].Id, today, 1), (stories[4].Id, today.AddDays(-7), 50),
        ], default);
        // A second flush of the same story and day adds up.
        await ReadCounts.AddAsync(scope.Db, [(stories[3].Id, today, 1)], default);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Api_ListsTheWeeksMostReadStories_MostReadsFirst_TiesByAge()
    {
        var response = await app.CreateReaderClient().GetAsync("/api/v1/stories/most-read?days=7", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([stories[2].Slug, stories[0].Slug, stories[1].Slug, stories[3].Slug], items.Select(i => i.GetProperty("story").GetProperty("slug").GetString()));
        Assert.Equal([9, 5, 5, 2], items.Select(i => i.GetProperty("reads").GetInt32()));
        Assert.Equal("2024-07-29", json.RootElement.GetProperty("from").GetString());
        Assert.Equal("2024-08-04", json.RootElement.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Api_CountsOnlyTheDaysAskedFor()
    {
        using var json = JsonDocument.Parse(await app.CreateReaderClient().GetStringAsync("/api/v1/stories/most-read?days=1", Ct));

        Assert.Equal([stories[1].Slug, stories[2].Slug, stories[3].Slug],
            json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("story").GetProperty("slug").GetString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("32")]
    [InlineData("-1")]
    public async Task Api_RefusesDaysOutOfRange(string days)
    {
        var response = await app.CreateReaderClient().GetAsync($"/api/v1/stories/most-read?days={days}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HomePage_ShowsMostReadThisWeek()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync("/");

        response.AssertPublicAndCookieFree();
        var block = page.QuerySelector("section.most-read");
        Assert.NotNull(block);
        Assert.Equal("Most read this week", block.QuerySelector("h2").Text());
        Assert.Equal([stories[2].Slug, stories[0].Slug, stories[1].Slug, stories[3].Slug],
            block.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")!.Replace("/on-this-day/", "", StringComparison.Ordinal)));
    }
}
