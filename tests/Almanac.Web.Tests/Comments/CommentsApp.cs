using System.Net;
using Almanac.Core.Comments;
using Almanac.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Comments;

/// <summary>The site with comments and a real SMTP server on loopback for the deletion mails.</summary>
public class CommentsApp : AlmanacApp
{
    public const string Story = "/on-this-day/" + Samples.MexicoUssr;

    public SmtpTestServer Smtp { get; } = new();

    protected virtual int PerAddressLimit => 1000;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Comments:PerAddressLimit", PerAddressLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Comments:PerStoryLimit", "1000"),
        new("Comments:PageSize", "100"),
        new("Comments:IpHashKey", "test-key"),
        new("Mail:Host", "127.0.0.1"),
        new("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:Security", "None"),
        new("Mail:From", "Almanac <comments@almanac.test>"),
    ];

    /// <summary>A reader's browser: cookies kept, redirects not followed (to see the 303).</summary>
    public HttpClient CreateBrowserlikeClient() => CreateReaderClient();

    /// <summary>
    /// Sends a comment as a reader would: loads the story, fills in its form, sends it (a form from the
    /// cached page comes back once to be confirmed), waiting long enough to pass the minimum fill time.
    /// </summary>
    public async Task<HttpResponseMessage> SendCommentAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields, string story = Story)
    {
        var (form, path) = await OpenFormAsync(client, story);
        Time.Advance(TimeSpan.FromSeconds(5));
        return await client.SubmitAsync(form, path, fields);
    }

    /// <summary>The live form of a story (with token and timestamp), taking the confirmation step when needed.</summary>
    public static async Task<(IHtmlFormElement Form, string Path)> OpenFormAsync(HttpClient client, string story = Story)
    {
        var page = await client.GetOkPageAsync(story);
        var form = page.QuerySelector<IHtmlFormElement>("form.comment-form");
        Assert.NotNull(form);
        if (form.QuerySelector("input[name=__RequestVerificationToken]") is null)
        {
            var confirm = await client.SubmitAsync(form, story, [new("Name", "-"), new("Body", "-")]);
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            var confirmPage = await confirm.ReadPageAsync();
            form = confirmPage.QuerySelector<IHtmlFormElement>("form.comment-form");
            Assert.NotNull(form);
            Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        }

        return (form, story);
    }

    public async Task<List<Comment>> CommentsAsync(string slug = Samples.MexicoUssr)
    {
        await using var scope = OpenDb();
        return await scope.Db.Comments.AsNoTracking().Where(c => c.Story!.Slug == slug).OrderBy(c => c.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async Task SetStatusAsync(int commentId, CommentStatus status)
    {
        await using var scope = OpenDb();
        var moderation = (CommentModeration)scope.Services.GetService(typeof(CommentModeration))!;
        var stories = await moderation.SetStatusAsync([commentId], status, TestContext.Current.CancellationToken);
        var cache = (Microsoft.AspNetCore.OutputCaching.IOutputCacheStore)scope.Services.GetService(typeof(Microsoft.AspNetCore.OutputCaching.IOutputCacheStore))!;
        await Almanac.Web.Features.Comments.CommentServices.EvictAsync(cache, stories, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
