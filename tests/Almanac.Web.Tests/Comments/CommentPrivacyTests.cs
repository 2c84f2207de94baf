using Almanac.Core.Comments;
using Almanac.Web.Features.Comments;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Comments;

public class CommentPrivacyTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddressHashes_AreClearedOnceTheyAreOlderThanTheRetention_ByTheBackgroundService()
    {
        int oldId, newId;
        await using (var scope = app.OpenDb())
        {
            var story = await scope.Db.Stories.FirstAsync(s => s.Slug == Samples.MexicoUssr, Ct);
            var now = app.Time.GetUtcNow().UtcDateTime;
            var old = new Comment { StoryId = story.Id, AuthorName = "Old", Body = "Old", CreatedAtUtc = now.AddDays(-29), IpHash = new string('a', 64), DeleteKey = "o" };
            var recent = new Comment { StoryId = story.Id, AuthorName = "New", Body = "New", CreatedAtUtc = now.AddDays(-1), IpHash = new string('b', 64), DeleteKey = "n" };
            scope.Db.Comments.AddRange(old, recent);
            await scope.Db.SaveChangesAsync(Ct);
            (oldId, newId) = (old.Id, recent.Id);
        }

        // Two days on, the first comment is past the 30 days; the hourly purge runs on the site's clock.
        for (int hour = 0; hour < 48; hour++)
        {
            app.Time.Advance(AddressHashPurge.Interval);
        }

        string? oldHash = "";
        for (int i = 0; i < 100 && oldHash is not null; i++)
        {
            await Task.Delay(100, Ct);
            await using var scope = app.OpenDb();
            oldHash = await scope.Db.Comments.Where(c => c.Id == oldId).Select(c => c.IpHash).SingleAsync(Ct);
        }

        await using (var scope = app.OpenDb())
        {
            Assert.Null(oldHash);
            Assert.Equal(new string('b', 64), await scope.Db.Comments.Where(c => c.Id == newId).Select(c => c.IpHash).SingleAsync(Ct));
        }
    }

    [Fact]
    public async Task TheAddressIsStoredOnlyAsAKeyedHash()
    {
        await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Hashed"), new("Body", "Where am I from?")]);
        var stored = (await app.CommentsAsync()).Single(c => c.AuthorName == "Hashed");

        // The test server has no client address, which the site treats as 255.255.255.255; keyed, the hash is not the plain SHA-256.
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("255.255.255.255"u8));
        var keyed = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("test-key"u8, "255.255.255.255"u8));
        Assert.Equal(keyed, stored.IpHash);
        Assert.NotEqual(plain, stored.IpHash);
    }
}

/// <summary>Two comments per address in the window.</summary>
public sealed class TightCommentsApp : CommentsApp
{
    protected override int PerAddressLimit => 2;
}

public class CommentRateLimitTests(TightCommentsApp app) : IClassFixture<TightCommentsApp>
{
    [Fact]
    public async Task BeyondTheLimit_APostIsAnswered429WithAClearPageAndRetryAfter()
    {
        var client = app.CreateReaderClient();
        var (form, path) = await CommentsApp.OpenFormAsync(client);
        app.Time.Advance(TimeSpan.FromSeconds(5));
        // The confirmation step took one of the two.
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, (await client.SubmitAsync(form, path, [new("Name", "Flood"), new("Body", "One.")])).StatusCode);

        var refused = await client.SubmitAsync(form, path, [new("Name", "Flood"), new("Body", "Two.")]);

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 600);
        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.Equal("Too many requests", page.QuerySelector("h1").Text());
        Assert.DoesNotContain(await app.CommentsAsync(), c => c.Body == "Two.");

        // Reading the story is not limited.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(CommentsApp.Story, TestContext.Current.CancellationToken)).StatusCode);
    }
}
