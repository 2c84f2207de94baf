using Almanac.Core.Comments;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Comments;

public class ManyCommentsTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenThousandComments_AreShownOnePageAtATime_WithABoundedQuery()
    {
        int storyId;
        string slug;
        await using (var scope = app.OpenDb())
        {
            var story = await scope.Db.Stories.Where(s => s.Slug != Samples.MexicoUssr && s.PlacementMonth != null).OrderBy(s => s.Id).FirstAsync(Ct);
            (storyId, slug) = (story.Id, story.Slug);
            var start = app.Time.GetUtcNow().UtcDateTime.AddDays(-1);
            scope.Db.ChangeTracker.AutoDetectChangesEnabled = false;
            scope.Db.Comments.AddRange(Enumerable.Range(1, 10_000).Select(i => new Comment
            {
                StoryId = storyId,
                AuthorName = $"Reader {i}",
                Body = $"Comment number {i}.",
                Status = CommentStatus.Approved,
                CreatedAtUtc = start.AddSeconds(i),
                DeleteKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
            await scope.Db.SaveChangesAsync(Ct);

            // The page query takes one page, whatever the story holds.
            var sql = scope.Db.Comments.Visible(storyId).PageOf(3, 100).ToQueryString();
            Assert.Contains("LIMIT", sql, StringComparison.OrdinalIgnoreCase);
        }

        var client = app.CreateReaderClient();
        var first = await client.GetOkPageAsync($"/on-this-day/{slug}");
        Assert.Equal(100, first.QuerySelectorAll(".comment-list .comment").Length);
        Assert.Equal("Comments (10000)", first.QuerySelector("#comments-title").Text());
        Assert.Equal("Comments page 1 of 100", first.QuerySelector("nav[aria-label='Comment pages'] span").Text());
        Assert.Equal("Comment number 1.", first.QuerySelector(".comment-list .comment .comment-body").Text());

        var last = await client.GetOkPageAsync($"/on-this-day/{slug}?page=100");
        var bodies = last.QuerySelectorAll(".comment-list .comment .comment-body").Select(b => b.Text()).ToList();
        Assert.Equal(100, bodies.Count);
        Assert.Equal("Comment number 10000.", bodies[^1]);

        // The day page counts them with the story.
        await using (var scope = app.OpenDb())
        {
            var story = await scope.Db.Stories.SingleAsync(s => s.Id == storyId, Ct);
            var day = await client.GetOkPageAsync($"/day/{new Core.Calendar.CalendarDay(story.PlacementMonth!.Value, story.PlacementDay!.Value).Slug}");
            Assert.Contains(day.QuerySelectorAll("a.comment-count"), a => a.GetAttribute("href") == $"/on-this-day/{slug}#comments" && a.Text() == "10000 comments");
        }
    }
}
