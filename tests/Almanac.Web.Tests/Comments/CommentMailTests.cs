using System.Net;
using System.Text.RegularExpressions;
using Almanac.Core.Comments;
using Almanac.Web.Tests.Infrastructure;

namespace Almanac.Web.Tests.Comments;

public partial class CommentMailTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReaderWithAnAddress_GetsASignedLinkByMail_ThatDeletesTheCommentAfterConfirmation()
    {
        const string address = "deleter@example.org";
        await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Deleter <script>"), new("Email", address), new("Body", "I will <b>regret</b> this.")]);
        var comment = (await app.CommentsAsync()).Single(c => c.Email == address);
        await app.SetStatusAsync(comment.Id, CommentStatus.Approved);
        Assert.NotNull((await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story)).QuerySelector($"#comment-{comment.Id}"));

        // The mail, as the SMTP server received it: plain text, with the link.
        var mail = await app.Smtp.WaitForMessageToAsync(address);
        Assert.Equal("comments@almanac.test", mail.From.Mailboxes.Single().Address);
        Assert.Null(mail.HtmlBody);
        Assert.Contains("I will <b>regret</b> this.", mail.TextBody, StringComparison.Ordinal);
        var link = new Uri(Link().Match(mail.TextBody ?? "").Value);
        Assert.Equal("almanac.test", link.Host);

        // Opening the link deletes nothing; the button on the page does.
        var reader = app.CreateReaderClient();
        var confirm = await reader.GetOkPageAsync(link.PathAndQuery);
        Assert.Contains("I will <b>regret</b> this.", confirm.QuerySelector(".comment-body").Text(), StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Approved, (await app.CommentsAsync()).Single(c => c.Id == comment.Id).Status);

        var deleted = await reader.PostFormAsync(link.PathAndQuery, "form.comment-delete-form", []);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var stored = (await app.CommentsAsync()).Single(c => c.Id == comment.Id);
        Assert.Equal(CommentStatus.Deleted, stored.Status);
        Assert.Null(stored.Email);
        Assert.Null((await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story)).QuerySelector($"#comment-{comment.Id}"));

        // The link is spent, and a tampered one never worked.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(link.PathAndQuery, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(link.PathAndQuery.Replace("token=", "token=x", StringComparison.Ordinal), Ct)).StatusCode);
    }

    [Fact]
    public async Task WithoutAnAddress_NoMailIsSent()
    {
        int before = app.Smtp.Messages.Count;
        var response = await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Quiet"), new("Body", "No mail for me.")]);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(before, app.Smtp.Messages.Count);
    }

    [GeneratedRegex(@"https://almanac\.test/comments/delete\?token=\S+")]
    private static partial Regex Link();
}

/// <summary>The site with no mail server configured.</summary>
public sealed class NoMailApp : CommentsApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings.Where(s => !s.Key.StartsWith("Mail:", StringComparison.Ordinal))];
}

public class CommentWithoutMailTests(NoMailApp app) : IClassFixture<NoMailApp>
{
    [Fact]
    public async Task WithNoMailServerConfigured_CommentsWorkAndNoMailIsSent()
    {
        var response = await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Offline"), new("Email", "offline@example.org"), new("Body", "Mail is off.")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Single(await app.CommentsAsync(), c => c.Email == "offline@example.org");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Empty(app.Smtp.Messages);
    }
}
