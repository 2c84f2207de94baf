using Almanac.Core.Calendar;
using Almanac.Core.Comments;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Comments;

/// <summary>
/// Receives the comment form of a story (POST <c>/on-this-day/{slug}/comments</c>) and shows the form
/// on its own for a reply or when something needs the reader's attention. A form from a cached story
/// page has no anti-forgery token (a cached page cannot hold one reader's token), so it is shown back,
/// filled in, with a token, and sent from here; nothing is stored without a valid token.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(CommentServices.RateLimitPolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SendModel(
    AlmanacDbContext db,
    SiteClock clock,
    CommentModeration moderation,
    CommentTokens tokens,
    AddressHasher hasher,
    CommentMailer mailer,
    IAntiforgery antiforgery,
    IOutputCacheStore cache,
    SiteLinks links,
    IOptionsMonitor<CommentOptions> options) : PageModel
{
    public string Slug { get; private set; } = "";

    public string Headline { get; private set; } = "";

    public string Heading { get; private set; } = "Your comment";

    public CommentView? Parent { get; private set; }

    public CommentFormView? Form { get; private set; }

    /// <summary>Comments are off site-wide (the settings page), rather than closed on this story.</summary>
    public bool CommentsOff => !options.CurrentValue.Enabled;

    /// <summary>A reply form (<c>?replyTo=</c>); without one, the story's own form is the place to write.</summary>
    public async Task<IActionResult> OnGetAsync(string slug, int? replyTo, CancellationToken ct)
    {
        if (await LoadStoryAsync(slug, ct) is not { } story)
        {
            return NotFound();
        }

        if (replyTo is null)
        {
            return Redirect(SiteLinks.Story(slug) + "#comment-form");
        }

        if (!story.Open)
        {
            return Page();
        }

        Parent = await db.Comments.AsNoTracking().Visible(story.Id).Where(c => c.Id == replyTo && c.ParentId == null)
            .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorName, c.Body, c.CreatedAtUtc)).SingleOrDefaultAsync(ct);
        if (Parent is null)
        {
            return NotFound();
        }

        Heading = "Reply to a comment";
        ShowForm(new CommentInput { ReplyTo = Parent.Id });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CommentInput input, CancellationToken ct)
    {
        // A form that ASP.NET Core cannot read (it refuses U+0000 in form values) binds nothing, not even the slug.
        slug = RouteData.Values["slug"] as string ?? "";
        if (await LoadStoryAsync(slug, ct) is not { } story)
        {
            return NotFound();
        }

        try
        {
            await Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "The comment contains a character that cannot be sent (a NUL character), so it could not be read. Please remove it and send the comment again.");
            return Reshow(new CommentInput(), StatusCodes.Status400BadRequest);
        }

        if (!story.Open)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (input.ReplyTo is { } replyTo)
        {
            Parent = await db.Comments.AsNoTracking().Visible(story.Id).Where(c => c.Id == replyTo)
                .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorName, c.Body, c.CreatedAtUtc)).SingleOrDefaultAsync(ct);
        }

        // The first step from a cached page: no token and no anti-forgery cookie yet. Show the form back with both.
        var afCookie = HttpContext.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        bool hasToken = Request.Form.ContainsKey("__RequestVerificationToken");
        if (!hasToken && (afCookie is null || !Request.Cookies.ContainsKey(afCookie)))
        {
            ModelState.Clear();
            Heading = "Check your comment and send it";
            ShowForm(input, "Almost done: please check your comment and send it.");
            return Page();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            ModelState.Clear();
            ModelState.AddModelError("", "The form had expired or did not come from this site. Please send it again.");
            return Reshow(input, StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrEmpty(input.Website))
        {
            // A robot filled in the hidden field: nothing is stored, and it is told nothing.
            return RedirectToStory(slug, null);
        }

        var age = tokens.Age(input.Stamp);
        if (age is null || age < TimeSpan.FromSeconds(options.CurrentValue.MinimumFillSeconds))
        {
            ModelState.Clear();
            ModelState.AddModelError("", "That was quicker than we expect a person to be. Please check your comment and send it again.");
            return Reshow(input, StatusCodes.Status400BadRequest);
        }

        Validate(input);
        if (!ModelState.IsValid)
        {
            return Reshow(input, StatusCodes.Status400BadRequest);
        }

        var result = await moderation.SubmitAsync(
            new CommentSubmission(story.Id, input.ReplyTo, input.Name!.Trim(), input.Email, input.Body!, hasher.Hash(HttpContext.Connection.RemoteIpAddress)), ct);
        if (result.Outcome == SubmitOutcome.NoSuchParent)
        {
            ModelState.AddModelError("ReplyTo", "The comment you reply to is no longer there; your comment can still be sent on its own.");
            input.ReplyTo = null;
            return Reshow(input, StatusCodes.Status400BadRequest);
        }

        if (result.Comment is not { } comment)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (comment.Status == CommentStatus.Approved)
        {
            await cache.EvictAsync([story.Id], ct);
        }

        if (comment.Email is not null && comment.Status != CommentStatus.Spam)
        {
            var url = links.Absolute(Request, "/comments/delete?token=" + Uri.EscapeDataString(tokens.Deletion(comment.Id, comment.DeleteKey)));
            await mailer.SendDeletionLinkAsync(comment, Headline, url, ct);
        }

        return RedirectToStory(slug, comment);
    }

    private void Validate(CommentInput input)
    {
        if (input.Body is { } body)
        {
            if (body.Length > options.CurrentValue.BodyMaxLength)
            {
                ModelState.AddModelError("Body", $"The comment is {body.Length} characters long; the limit is {options.CurrentValue.BodyMaxLength}. Please shorten it.");
            }

            if (string.IsNullOrWhiteSpace(body))
            {
                ModelState.AddModelError("Body", "Please write a comment.");
            }
        }

        if (input.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            ModelState.AddModelError("Name", "Please give a name.");
        }
    }

    private PageResult Reshow(CommentInput input, int status)
    {
        Response.StatusCode = status;
        Heading = "Your comment was not sent yet";
        ShowForm(input);
        return Page();
    }

    private void ShowForm(CommentInput input, string? message = null)
    {
        input.Website = null;
        Form = new CommentFormView(Slug, input, Live: true, tokens.Stamp(), options.CurrentValue.BodyMaxLength, Parent?.AuthorName, message);
        ViewData["Meta"] = new PageMeta { Title = Heading, Description = $"A comment on {Headline}", CanonicalPath = SiteLinks.Story(Slug) };
    }

    private StatusCodeResult RedirectToStory(string slug, Comment? comment)
    {
        if (comment is null)
        {
            return SeeOther(SiteLinks.Story(slug) + "#comments");
        }

        // The notice is for this reader only: a signed cookie for this story's page, which makes their
        // next request skip the shared cache. The query keeps a browser from reusing its cached copy.
        Response.Cookies.Append(CommentTokens.NoticeCookie, tokens.Notice(comment.Id), new CookieOptions
        {
            Path = SiteLinks.Story(slug),
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = CommentTokens.NoticeLifetime,
            IsEssential = true,
        });
        return SeeOther($"{SiteLinks.Story(slug)}?comment={comment.Id}#comments");
    }

    /// <summary>303 See Other: the browser fetches the story with GET, so a reload does not send the comment again.</summary>
    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<(int Id, bool Open)?> LoadStoryAsync(string slug, CancellationToken ct)
    {
        if (slug.Length > Slugs.MaxLength)
        {
            return null;
        }

        var story = await db.Stories.AsNoTracking().Published(clock.UtcNow).Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Year, s.Title, s.CommentsClosed, s.PublishedAtUtc }).SingleOrDefaultAsync(ct);
        if (story is null)
        {
            return null;
        }

        Slug = slug;
        Headline = Story.Headline(story.Year, story.Title);
        return (story.Id, options.CurrentValue.Enabled && moderation.IsOpen(story.CommentsClosed, story.PublishedAtUtc));
    }
}
