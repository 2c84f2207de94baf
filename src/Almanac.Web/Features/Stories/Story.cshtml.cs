using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Web.Features.Comments;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Stories;

/// <summary>A story at <c>/on-this-day/{slug}</c>, the seed site's own address scheme.</summary>
[OutputCache(PolicyName = CommentServices.StoryPagePolicy)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class StoryModel(AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> site) : PageModel
{
    public StoryPage Story { get; private set; } = null!;

    public IReadOnlyList<StoryCard> Related { get; private set; } = [];

    public StoryCard? PreviousOfDay { get; private set; }

    public StoryCard? NextOfDay { get; private set; }

    public int CurrentYear { get; private set; }

    /// <summary>The story's picture spans the text column on wide screens, the screen on narrow ones.</summary>
    public const string ImageSizes = "(min-width: 52rem) 48rem, 100vw";

    public CommentSection Comments { get; private set; } = null!;

    public string CreditText => Story.Image?.CreditText is { Length: > 0 } credit ? credit : CoverImage.Credit;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? commentPage, CancellationToken ct)
    {
        var now = clock.UtcNow;
        if (slug.Length > Slugs.MaxLength || await StoryPage.LoadAsync(db, slug, now, ct) is not { } story)
        {
            return NotFound();
        }

        Story = story;
        CurrentYear = clock.Today.Year;
        Related = await RelatedStories.ReadAsync(db, story.Id, now, ct);
        if (story.Placement is { } day)
        {
            // Neighbours on the same day page in year order, both in one query.
            var sameDay = db.Stories.AsNoTracking().Published(now).On(day).Where(s => s.Id != story.Id);
            var neighbours = await sameDay.Where(s => s.Year < story.Year || (s.Year == story.Year && s.Id < story.Id))
                    .OrderByDescending(s => s.Year).ThenByDescending(s => s.Id).Take(1)
                .Concat(sameDay.Where(s => s.Year > story.Year || (s.Year == story.Year && s.Id > story.Id))
                    .OrderBy(s => s.Year).ThenBy(s => s.Id).Take(1))
                .SelectCards().ToListAsync(ct);
            PreviousOfDay = neighbours.FirstOrDefault(c => c.Year < story.Year || (c.Year == story.Year && c.Id < story.Id));
            NextOfDay = neighbours.FirstOrDefault(c => c != PreviousOfDay);
        }

        Comments = await CommentSection.LoadAsync(HttpContext, db, story.Id, story.Slug, commentPage ?? 1, ct);
        if (Comments.Form.Live)
        {
            // This render holds the reader's own form (and perhaps their notice): no shared cache may keep it.
            Response.Headers.CacheControl = "no-store";
        }

        CacheTags.Add(HttpContext, [
            CacheTags.Story(story.Id),
            CacheTags.StoryPage(story.Id),
            .. Related.Concat([PreviousOfDay, NextOfDay]).OfType<StoryCard>().Select(c => CacheTags.Story(c.Id)),
        ]);

        var culture = site.CurrentValue.CultureInfo;
        ViewData["Meta"] = new PageMeta
        {
            Title = story.Headline,
            Description = story.Summary,
            CanonicalPath = SiteLinks.Story(story.Slug),
            ImagePath = story.Image is { } image ? StoryJsonLd.ShareImage(image).Path : SiteLinks.Cover(story.Slug, CoverImage.ShareWidth, "png"),
            ImageAlt = story.Image?.AltText ?? story.Headline,
            OpenGraphType = "article",
            JsonLd = StoryJsonLd.For(story, culture, p => links.Absolute(Request, p)),
            Breadcrumbs = StoryJsonLd.Breadcrumbs(story, culture),
        };
        return Page();
    }
}
