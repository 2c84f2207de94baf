using System.Net;
using Almanac.Core.Comments;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Almanac.Web.Tests.Comments;

public class CommentFormTests(CommentsApp app) : IClassFixture<CommentsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AngleSharp.Dom.IDocument> ParseAsync(HttpResponseMessage response) =>
        await response.ReadPageAsync();

    [Fact]
    public async Task StoryPage_ShowsACommentFormThatWorksWithoutJavaScript_AndStaysPublicAndCookieFree()
    {
        var (response, page) = await app.CreateReaderClient().GetPageAsync(CommentsApp.Story);

        response.AssertPublicAndCookieFree();
        var form = page.QuerySelector<IHtmlFormElement>("form.comment-form");
        Assert.NotNull(form);
        Assert.Equal("post", form.Method, ignoreCase: true);
        Assert.Equal(CommentsApp.Story + "/comments", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("textarea[name=Body]"));
        Assert.NotNull(form.QuerySelector("input[name=Name]"));
        Assert.NotNull(form.QuerySelector("input[name=Website]"));
        // The cached page holds nothing of one reader's: no token, no timestamp.
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Null(form.QuerySelector("input[name=Stamp]"));
    }

    [Fact]
    public async Task FirstComment_IsHeld_TheAuthorSeesAwaitingModeration_AndOtherReadersAndTheCacheDoNot()
    {
        var author = app.CreateReaderClient();
        var response = await app.SendCommentAsync(author, [new("Name", "Ada"), new("Email", "ada@example.org"), new("Body", "A first comment from Ada.")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith(CommentsApp.Story + "?comment=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = (await app.CommentsAsync()).Single(c => c.Body == "A first comment from Ada.");
        Assert.Equal(CommentStatus.Pending, stored.Status);

        var (ownResponse, own) = await author.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("awaiting moderation", own.QuerySelector(".comment-notice").Text(), StringComparison.Ordinal);
        Assert.Contains("A first comment from Ada.", own.QuerySelector(".comment-notice").Text(), StringComparison.Ordinal);
        Assert.Contains("no-store", ownResponse.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        // Another reader (and so the shared cache) never sees it, at either address.
        foreach (var path in new[] { CommentsApp.Story, response.Headers.Location.OriginalString })
        {
            var other = await app.CreateReaderClient().GetOkPageAsync(path);
            Assert.Null(other.QuerySelector(".comment-notice"));
            Assert.DoesNotContain("A first comment from Ada.", other.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApprovingAComment_EvictsTheCachedStoryPage_AndShowsItsCountOnTheDayPage()
    {
        var reader = app.CreateReaderClient();
        var before = await reader.GetOkPageAsync(CommentsApp.Story);
        var countBefore = before.QuerySelectorAll(".comment-list .comment").Length;
        await reader.GetOkPageAsync("/day/august-4");

        await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Grace"), new("Email", "grace@example.org"), new("Body", "Worth approving.")]);
        var comment = (await app.CommentsAsync()).Single(c => c.Body == "Worth approving.");
        await app.SetStatusAsync(comment.Id, CommentStatus.Approved);

        var after = await reader.GetOkPageAsync(CommentsApp.Story);
        Assert.Equal(countBefore + 1, after.QuerySelectorAll(".comment-list .comment").Length);
        Assert.Contains("Worth approving.", after.QuerySelector($"#comment-{comment.Id} .comment-body").Text(), StringComparison.Ordinal);
        var day = await reader.GetOkPageAsync("/day/august-4");
        var count = day.QuerySelector($"a.comment-count[href='{CommentsApp.Story}#comments']");
        Assert.NotNull(count);
        Assert.EndsWith("comment" + (countBefore + 1 == 1 ? "" : "s"), count.Text(), StringComparison.Ordinal);

        // A returning approved commenter is published at once, and readers see it straight away.
        var again = await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Grace"), new("Email", "GRACE@example.org "), new("Body", "Back again.")]);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(CommentStatus.Approved, (await app.CommentsAsync()).Single(c => c.Body == "Back again.").Status);
        Assert.Contains("Back again.", (await reader.GetOkPageAsync(CommentsApp.Story)).QuerySelector(".comment-list").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReply_IsShownUnderItsComment_OneLevelDeep()
    {
        await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Parent"), new("Body", "The parent comment.")]);
        var parent = (await app.CommentsAsync()).Single(c => c.Body == "The parent comment.");
        await app.SetStatusAsync(parent.Id, CommentStatus.Approved);

        var client = app.CreateReaderClient();
        var replyPage = await client.GetOkPageAsync($"{CommentsApp.Story}/comments?replyTo={parent.Id}");
        var form = replyPage.QuerySelector<IHtmlFormElement>("form.comment-form")!;
        Assert.Equal(parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector<IHtmlInputElement>("input[name=ReplyTo]")!.Value);
        app.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SubmitAsync(form, CommentsApp.Story, [new("Name", "Child"), new("Body", "A reply.")])).StatusCode);
        var reply = (await app.CommentsAsync()).Single(c => c.Body == "A reply.");
        Assert.Equal(parent.Id, reply.ParentId);
        await app.SetStatusAsync(reply.Id, CommentStatus.Approved);

        // A reply to the reply joins the same thread.
        await app.SendCommentAsync(client, [new("Name", "Grandchild"), new("Body", "Reply to a reply."), new("ReplyTo", reply.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(parent.Id, (await app.CommentsAsync()).Single(c => c.Body == "Reply to a reply.").ParentId);

        var page = await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story);
        var thread = page.QuerySelector($"#comment-{parent.Id}")!.ParentElement!;
        Assert.NotNull(thread.QuerySelector($".comment-replies #comment-{reply.Id}"));
    }

    [Fact]
    public async Task WithoutAToken_NothingIsStored_AndTheFormComesBackFilledInWithAToken()
    {
        var client = app.CreateReaderClient();
        var response = await client.PostWithoutTokenAsync(CommentsApp.Story + "/comments", [new("Name", "Forger"), new("Body", "Forged without a token.")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("Forged without a token.", page.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value);
        Assert.NotNull(page.QuerySelector("form.comment-form input[name=__RequestVerificationToken]"));
        Assert.DoesNotContain(await app.CommentsAsync(), c => c.Body == "Forged without a token.");
    }

    [Fact]
    public async Task WithTheCookieButNoToken_ThePostIsRefused()
    {
        var client = app.CreateReaderClient();
        await CommentsApp.OpenFormAsync(client);
        app.Time.Advance(TimeSpan.FromSeconds(5));

        var response = await client.PostWithoutTokenAsync(CommentsApp.Story + "/comments", [new("Name", "Forger"), new("Body", "Cookie but no token.")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Cookie but no token.", (await ParseAsync(response)).QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value);
        Assert.DoesNotContain(await app.CommentsAsync(), c => c.Body == "Cookie but no token.");
    }

    [Fact]
    public async Task AReplayedToken_FromAnotherReadersForm_IsRefused()
    {
        var victim = app.CreateReaderClient();
        var (victimForm, _) = await CommentsApp.OpenFormAsync(victim);
        var stolenToken = victimForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var attacker = app.CreateReaderClient();
        var (form, path) = await CommentsApp.OpenFormAsync(attacker);
        app.Time.Advance(TimeSpan.FromSeconds(5));

        var response = await attacker.SubmitAsync(form, path, [new("__RequestVerificationToken", stolenToken), new("Name", "Replay"), new("Body", "Replayed token.")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await app.CommentsAsync(), c => c.Body == "Replayed token.");
    }

    [Fact]
    public async Task AHoneypotHit_StoresNothing_AndLooksLikeSuccessToTheRobot()
    {
        var response = await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Bot"), new("Body", "Buy things."), new("Website", "http://spam.example")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.DoesNotContain(await app.CommentsAsync(), c => c.Body == "Buy things.");
    }

    [Fact]
    public async Task ATooFastSubmission_IsRefused_AndTheFormKeepsTheText()
    {
        var client = app.CreateReaderClient();
        var (form, path) = await CommentsApp.OpenFormAsync(client);

        var response = await client.SubmitAsync(form, path, [new("Name", "Speedy"), new("Body", "Sent at once.")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("quicker", page.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal("Sent at once.", page.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value);
        Assert.DoesNotContain(await app.CommentsAsync(), c => c.Body == "Sent at once.");

        // A forged timestamp is no better.
        var forged = await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form.comment-form")!, path, [new("Name", "Speedy"), new("Body", "Sent at once."), new("Stamp", "forged")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task AnOversizedBody_IsRefusedWithAClearError_AndNothingTypedIsLost()
    {
        var body = string.Concat(Enumerable.Repeat("Long words make a long comment. ", 200)) + "The end.";
        Assert.True(body.Length > 5000);

        var response = await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Verbose"), new("Email", "verbose@example.org"), new("Body", body)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains($"{body.Length} characters long; the limit is 5000", page.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Equal(body, page.QuerySelector<IHtmlTextAreaElement>("textarea[name=Body]")!.Value);
        Assert.Equal("Verbose", page.QuerySelector<IHtmlInputElement>("input[name=Name]")!.Value);
        Assert.Equal("verbose@example.org", page.QuerySelector<IHtmlInputElement>("input[name=Email]")!.Value);
        Assert.Equal("true", page.QuerySelector("textarea[name=Body]")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain(await app.CommentsAsync(), c => c.AuthorName == "Verbose");
    }

    [Fact]
    public async Task ControlCharactersAndBidiOverrides_AreStoredAsSent_AndRenderedIsolated()
    {
        const string name = "\u202Egnp.exe\u202C Mallory";
        const string body = "Bell\u0007 escape\u001B[31m red \u202Etxt.exe\u202C tab\tend\r\nsecond line";
        await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", name), new("Body", body)]);
        var stored = (await app.CommentsAsync()).Single(c => c.AuthorName == name);
        Assert.Equal(body, stored.Body);
        await app.SetStatusAsync(stored.Id, CommentStatus.Approved);

        var page = await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story);
        var comment = page.QuerySelector($"#comment-{stored.Id}")!;
        // The name sits in its own bidi isolate, the body in a dir=auto block: an override cannot reach the text around them.
        Assert.Equal("BDI", comment.QuerySelector(".comment-author")!.TagName);
        Assert.Equal(name, comment.QuerySelector(".comment-author").Text());
        Assert.Equal("auto", comment.QuerySelector(".comment-body")!.GetAttribute("dir"));
        var text = comment.QuerySelector(".comment-body")!.TextContent;
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u001B', text);
        Assert.Contains("\u202Etxt.exe\u202C", text, StringComparison.Ordinal);
        Assert.Single(comment.QuerySelectorAll(".comment-body br"));
    }

    [Fact]
    public async Task ANulCharacter_IsRefusedWithAClearError()
    {
        // ASP.NET Core will not read a form value with U+0000 (and PostgreSQL text could not hold it).
        var response = await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Nul"), new("Body", "before\0after")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("NUL", page.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.comment-form input[name=__RequestVerificationToken]"));
        Assert.DoesNotContain(await app.CommentsAsync(), c => c.AuthorName == "Nul");
    }

    [Fact]
    public async Task Comments_RenderAsParagraphsWithSafeLinks()
    {
        const string body = "See https://example.org/a?b=1&c=2.\n\nAnd <b>bold</b> or javascript:alert(1) http://example.com/x";
        await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Linker"), new("Body", body)]);
        var stored = (await app.CommentsAsync()).Single(c => c.AuthorName == "Linker");
        await app.SetStatusAsync(stored.Id, CommentStatus.Approved);

        var html = await app.CreateReaderClient().GetOkPageAsync(CommentsApp.Story);
        var bodyElement = html.QuerySelector($"#comment-{stored.Id} .comment-body")!;
        Assert.Equal(2, bodyElement.QuerySelectorAll("p").Length);
        var links = bodyElement.QuerySelectorAll("a");
        Assert.Equal(["https://example.org/a?b=1&c=2", "http://example.com/x"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("nofollow ugc noopener", a.GetAttribute("rel")));
        Assert.Null(bodyElement.QuerySelector("b"));
        Assert.Contains("<b>bold</b>", bodyElement.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyLinks_HoldEvenAReturningCommenter()
    {
        await using (var scope = app.OpenDb())
        {
            var story = scope.Db.Stories.Single(s => s.Slug == Samples.MexicoUssr);
            scope.Db.Comments.Add(new Comment { StoryId = story.Id, AuthorName = "Known", Email = "known@example.org", Body = "Old", Status = CommentStatus.Approved, CreatedAtUtc = app.Time.GetUtcNow().UtcDateTime, DeleteKey = "k" });
            await scope.Db.SaveChangesAsync(Ct);
        }

        await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Known"), new("Email", "known@example.org"), new("Body", "http://a.example http://b.example http://c.example")]);

        Assert.Equal(CommentStatus.Pending, (await app.CommentsAsync()).Single(c => c.Body.StartsWith("http://a.example", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public async Task NoCommentResponse_EverContainsAnEmailAddressOrItsHash()
    {
        await app.SendCommentAsync(app.CreateReaderClient(), [new("Name", "Private"), new("Email", "private-person@example.org"), new("Body", "Keep my address.")]);
        var stored = (await app.CommentsAsync()).Single(c => c.AuthorName == "Private");
        await app.SetStatusAsync(stored.Id, CommentStatus.Approved);
        Assert.NotNull(stored.IpHash);
        Assert.Equal(64, stored.IpHash.Length);

        foreach (var path in new[] { CommentsApp.Story, "/day/august-4", $"/api/v1/stories/{Samples.MexicoUssr}", "/api/v1/days/08-04", "/feed.xml" })
        {
            var text = await (await app.CreateReaderClient().GetAsync(path, Ct)).Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("private-person", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(stored.IpHash, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
