using System.Net;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.RandomStory;

public class RandomStoryTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task Random_RedirectsOnlyToPublishedStoriesAndIsNeverStored()
    {
        // Every other sample story becomes unpublished (drafts, one scheduled for tomorrow), so drafts sit
        // all through the range of ids the draw picks from, and a new draft takes the highest id.
        var now = app.Time.GetUtcNow().UtcDateTime;
        HashSet<string> published;
        await using (var scope = app.OpenDb())
        {
            var ct = TestContext.Current.CancellationToken;
            await scope.Db.Stories.Where(s => s.Id % 2 == 0).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StoryStatus.Draft), ct);
            int scheduled = await scope.Db.Stories.Where(s => s.Id % 2 == 1).OrderBy(s => s.Id).Select(s => s.Id).Skip(5).FirstAsync(ct);
            await scope.Db.Stories.Where(s => s.Id == scheduled).ExecuteUpdateAsync(u => u.SetProperty(s => s.PublishedAtUtc, now.AddDays(1)), ct);
            var draft = new Story { Slug = "2001-random-test-draft", Title = "Draft", Kind = StoryKind.Event, Date = Core.Calendar.HistoricalDate.OnDay(2001, 1, 2), Status = StoryStatus.Draft, UpdatedAtUtc = now };
            scope.Db.Stories.Add(draft);
            await scope.Db.SaveChangesAsync(ct);
            published = [.. await scope.Db.Stories.Published(now).Select(s => "/on-this-day/" + s.Slug).ToListAsync(ct)];
        }

        Assert.InRange(published.Count, 30, 50);
        var client = app.CreateReaderClient();
        var landed = new HashSet<string>();
        for (int i = 0; i < 200; i++)
        {
            var response = await client.GetAsync("/random", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, "a random redirect must not be stored");
            Assert.False(response.Headers.CacheControl?.Public ?? false);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            var location = response.Headers.Location!.OriginalString;
            Assert.Contains(location, published);
            landed.Add(location);
        }

        // Not one answer repeated from a cache: many different stories over 200 draws of about 40.
        Assert.True(landed.Count >= 10, $"only {landed.Count} different stories in 200 draws");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(landed.First(), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Footer_OffersSurpriseMe()
    {
        var page = await app.CreateReaderClient().GetOkPageAsync("/day/august-4");

        var link = page.QuerySelectorAll("footer a").FirstOrDefault(a => a.GetAttribute("href") == "/random");
        Assert.NotNull(link);
        Assert.Equal("Surprise me", link.Text());
    }
}

/// <summary>A site with no published story: "surprise me" goes home instead of failing.</summary>
public class RandomStoryWithoutStoriesTests(AlmanacApp app) : IClassFixture<AlmanacApp>
{
    [Fact]
    public async Task Random_GoesHomeWhenNothingIsPublished()
    {
        await using (var scope = app.OpenDb())
        {
            await scope.Db.Stories.ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, StoryStatus.Draft), TestContext.Current.CancellationToken);
        }

        var response = await app.CreateReaderClient().GetAsync("/random", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
