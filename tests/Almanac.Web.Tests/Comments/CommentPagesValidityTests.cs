using Almanac.Core.Comments;
using Almanac.Web.Tests.Validation;

namespace Almanac.Web.Tests.Comments;

/// <summary>The Nu HTML Checker finds no error in the comment pages: a story with comments and a reader's own form, the confirmation step, a reply form, the deletion page.</summary>
public class CommentPagesValidityTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommentPages_AreValidHtml()
    {
        var author = app.CreateReaderClient();
        var sent = await app.SendCommentAsync(author, [new("Name", "Valid \u202Eright-to-left"), new("Email", "valid@example.org"), new("Body", "First paragraph with https://example.org/link.\n\nSecond <paragraph>.")]);
        var comment = (await app.CommentsAsync()).Single(c => c.Email == "valid@example.org");
        await app.SetStatusAsync(comment.Id, CommentStatus.Approved);
        await app.SendCommentAsync(author, [new("Name", "Waiting"), new("Body", "Awaiting moderation.")]);
        var mail = await app.Smtp.WaitForMessageToAsync("valid@example.org");
        var deletion = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"/comments/delete\?token=\S+").Value;

        var pages = new List<(string Name, string Html)>
        {
            ("story as a reader sees it", await GetAsync(app.CreateReaderClient(), CommentsApp.Story)),
            ("story with the author's form and notice", await GetAsync(author, sent.Headers.Location!.OriginalString)),
            ("reply form", await GetAsync(author, $"{CommentsApp.Story}/comments?replyTo={comment.Id}")),
            ("confirmation step", await (await app.CreateReaderClient().PostAsync(CommentsApp.Story + "/comments", new FormUrlEncodedContent([new("Name", "x"), new("Body", "y")]), Ct)).Content.ReadAsStringAsync(Ct)),
            ("deletion page", await GetAsync(app.CreateReaderClient(), deletion)),
        };
        var folder = Directory.CreateTempSubdirectory("almanac-vnu-comments-");
        try
        {
            var files = new List<string>();
            foreach (var (_, html) in pages)
            {
                var file = Path.Combine(folder.FullName, $"page{files.Count}.html");
                await File.WriteAllTextAsync(file, html, Ct);
                files.Add(file);
            }

            var errors = await HtmlValidityTests.RunCheckerAsync(files);

            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{pages[files.IndexOf(e.File)].Name}: {e.Message}")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
