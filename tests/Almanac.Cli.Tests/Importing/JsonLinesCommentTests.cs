using Almanac.Core.Comments;
using Almanac.Core.Data;
using Almanac.Core.Importing;
using Almanac.Core.Importing.JsonLines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Cli.Tests.Importing;

/// <summary>Comment lines of JSON Lines read through <see cref="Importer"/> in this process, on SQLite and PostgreSQL.</summary>
public class JsonLinesCommentTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Story = """{"type":"story","slug":"1924-mexico-and-the-ussr","title":"Mexico and the USSR","kind":"event","date":{"year":1924,"month":8,"day":4,"precision":"day","calendar":"gregorian","circa":false},"summary":"Relations.","body":"Text.","status":"published","createdAtUtc":"2024-08-04T09:00:00Z","updatedAtUtc":"2024-08-04T09:00:00Z","commentsClosed":true}""";

    [Fact]
    public async Task CommentLines_AreThreadedOnTheirStory_AndBadOrOrphanedOnesAreReported()
    {
        var file = SiteDatabase.TempFile("comments.jsonl");
        await File.WriteAllLinesAsync(file, [
            Story,
            """{"type":"comment","id":1,"story":"1924-mexico-and-the-ussr","author":"Ana","email":"Ana@Example.org","body":"First.\n\n<i>Exactly</i> so.  ","status":"approved","createdAtUtc":"2024-08-05T10:00:00Z","deleteKey":"0123456789ABCDEF0123456789ABCDEF"}""",
            """{"type":"comment","id":2,"story":"1924-mexico-and-the-ussr","parent":1,"author":"Bob","body":"A reply.","status":"spam","createdAtUtc":"2024-08-05T11:00:00Z"}""",
            """{"type":"comment","id":3,"story":"1924-mexico-and-the-ussr","parent":2,"author":"Cyd","body":"A reply to a reply.","status":"pending","createdAtUtc":"2024-08-05T12:00:00Z"}""",
            """{"type":"comment","id":4,"story":"no-such-story","author":"Dee","body":"Lost.","status":"approved","createdAtUtc":"2024-08-05T13:00:00Z"}""",
            """{"type":"comment","id":5,"story":"1924-mexico-and-the-ussr","author":"Eve","status":"approved","createdAtUtc":"2024-08-05T14:00:00Z"}""",
        ], Ct);
        var db = AlmanacProcess.NewDatabase();

        // One line a batch: every reply finds its parent, and the story, already written by an earlier batch.
        var first = await ImportAsync(db, file, batchSize: 1);
        var second = await ImportAsync(db, file, batchSize: 1);

        Assert.Equal(3, first.CommentsCreated);
        Assert.Contains(first.Notes, n => n.Location.EndsWith(":5", StringComparison.Ordinal) && n.Message.Contains("its story (story:no-such-story) is not on the site", StringComparison.Ordinal));
        Assert.Contains(first.Problems, p => p.Location.EndsWith(":6", StringComparison.Ordinal) && p.Reason.Contains("needs an \"id\"", StringComparison.Ordinal));
        Assert.Equal((0, 0), (second.CommentsCreated, second.CommentsUpdated));
        await SiteDatabase.ReadAsync(db, async site =>
        {
            var story = await site.Stories.SingleAsync(Ct);
            Assert.True(story.CommentsClosed);
            var comments = await site.Comments.Where(c => c.StoryId == story.Id).ToDictionaryAsync(c => c.AuthorName, Ct);
            Assert.Equal(["Ana", "Bob", "Cyd"], comments.Keys.Order());
            var ana = comments["Ana"];
            Assert.Equal(("First.\n\n<i>Exactly</i> so.  ", "ana@example.org", CommentStatus.Approved, "0123456789ABCDEF0123456789ABCDEF", (int?)null),
                (ana.Body, ana.Email, ana.Status, ana.DeleteKey, ana.ParentId));
            Assert.Equal((CommentStatus.Spam, (int?)ana.Id), (comments["Bob"].Status, comments["Bob"].ParentId));
            // Cyd answered Bob, a reply: one level of replies, so Cyd joins Ana's thread.
            Assert.Equal((CommentStatus.Pending, (int?)ana.Id), (comments["Cyd"].Status, comments["Cyd"].ParentId));
            Assert.Equal(new DateTime(2024, 8, 5, 12, 0, 0, DateTimeKind.Utc), comments["Cyd"].CreatedAtUtc);
            return 0;
        });
    }

    private static async Task<ImportReport> ImportAsync(string db, string file, int batchSize)
    {
        await using var services = new ServiceCollection()
            .AddAlmanacDatabase(AlmanacProcess.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, db)
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await AlmanacDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AlmanacDbContext>(), Ct);
        }

        return await Importer.RunAsync(services, new JsonLinesReader(file), new ImportOptions { BatchSize = batchSize }, null, Now, Ct);
    }
}
