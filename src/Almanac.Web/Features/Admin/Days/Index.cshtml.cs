using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Web.Features.Account;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Admin.Days;

/// <summary>
/// Curation at <c>/admin/days?day=MM-DD</c>: the editors choose a calendar day's story of the day and
/// order its other stories. Without a choice the site picks by <see cref="StoryOfTheDay"/>.
/// </summary>
[Authorize(Policy = AdminPolicies.Editors)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(AlmanacDbContext db, SiteClock clock, IOutputCacheStore cache, TimeProvider time, IOptionsMonitor<SiteOptions> site) : PageModel
{
    public const string Path = "/admin/days";

    public const string AuditAction = "day.curate";

    /// <summary>A story placed on the day: published ones are on the page, scheduled ones will be.</summary>
    public sealed record DayStory(int Id, string Slug, string Headline, StoryKind Kind, StoryStatus Status, bool IsChosen, bool LeadsNow);

    public CalendarDay Day { get; private set; }

    public string DayName => Day.ToDisplayString(site.CurrentValue.CultureInfo);

    /// <summary>The day's stories by kind, in the order the day page shows them.</summary>
    public IReadOnlyList<DayStory> Stories { get; private set; } = [];

    public bool HasChoice => Stories.Any(s => s.IsChosen);

    public string? Problem { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string? day, CancellationToken ct)
    {
        if (!Pick(day))
        {
            Problem = $"\"{day}\" is not a calendar day: write it as MM-DD, e.g. 08-04.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        ViewData["Meta"] = new PageMeta { Title = $"Curate {DayName}", Description = "Choose the story of the day and order the day's stories.", CanonicalPath = Path };
        return Page();
    }

    /// <summary>Chooses the story of the day, or (an empty choice) leaves it to the site's rule.</summary>
    public async Task<IActionResult> OnPostChooseAsync(string? day, int? storyId, CancellationToken ct)
    {
        if (!Pick(day))
        {
            return BadRequest();
        }

        var existing = await db.StoryFeatures.SingleOrDefaultAsync(f => f.Month == Day.Month && f.Day == Day.Day, ct);
        if (storyId is { } id)
        {
            if (!await OnThisDay().AnyAsync(s => s.Id == id, ct))
            {
                Done = "That story is not placed on this day.";
                return Back();
            }

            if (existing is null)
            {
                db.StoryFeatures.Add(new StoryFeature { Month = Day.Month, Day = Day.Day, StoryId = id });
            }
            else
            {
                existing.StoryId = id;
            }
        }
        else if (existing is not null)
        {
            db.StoryFeatures.Remove(existing);
        }

        Newsroom.Audit(db, time, User, AuditAction, $"day:{Day.Numeric}", storyId is { } chosen ? $"story of the day: story:{chosen}" : "story of the day: the site's rule");
        await db.SaveChangesAsync(ct);
        await EvictAsync(ct);
        Done = storyId is null ? $"{DayName}: the site picks the story of the day." : $"{DayName}: story of the day saved.";
        return Back();
    }

    /// <summary>Moves a story one place up or down among the day's stories of its kind.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string? day, int storyId, string? direction, CancellationToken ct)
    {
        if (!Pick(day) || direction is not ("up" or "down"))
        {
            return BadRequest();
        }

        await LoadAsync(ct);
        var story = Stories.FirstOrDefault(s => s.Id == storyId);
        if (story is null)
        {
            Done = "That story is not placed on this day.";
            return Back();
        }

        // Positions are numbered afresh within the kind, so the day's order is always complete and gapless.
        var kind = Stories.Where(s => s.Kind == story.Kind).Select(s => s.Id).ToList();
        int from = kind.IndexOf(storyId);
        int to = direction == "up" ? from - 1 : from + 1;
        if (to >= 0 && to < kind.Count)
        {
            (kind[from], kind[to]) = (kind[to], kind[from]);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (int i = 0; i < kind.Count; i++)
            {
                // A bulk update: the position touches neither the search index nor related stories.
                int id = kind[i], position = i + 1;
                await db.Stories.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.DayPosition, position), ct);
            }

            Newsroom.Audit(db, time, User, AuditAction, $"day:{Day.Numeric}", $"order of {story.Kind.GroupTitle().ToLowerInvariant()}: {string.Join(", ", kind.Select(i => $"story:{i}"))}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await EvictAsync(ct);
        }

        Done = $"{story.Headline} moved {direction}.";
        return Back();
    }

    private bool Pick(string? day)
    {
        if (string.IsNullOrWhiteSpace(day))
        {
            Day = clock.TodayDay;
            return true;
        }

        if (CalendarDay.TryParse(day.Trim(), out var parsed, out _))
        {
            Day = parsed;
            return true;
        }

        Day = clock.TodayDay;
        return false;
    }

    private IQueryable<Story> OnThisDay() =>
        db.Stories.AsNoTracking().On(Day).Where(s => s.Status == StoryStatus.Published || s.Status == StoryStatus.Scheduled);

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await OnThisDay()
            .Select(s => new { s.Id, s.Slug, s.Title, s.Year, s.Kind, s.Status, s.DayPosition, IsChosen = s.Features.Any(f => f.Month == Day.Month && f.Day == Day.Day) })
            .ToListAsync(ct);
        var leader = StoryOfTheDay.Choose(rows.Where(r => r.Status == StoryStatus.Published).ToList(), r => r.IsChosen, r => r.Kind, r => r.Year, r => r.Id);
        Stories = [.. rows
            .OrderBy(r => r.Kind).ThenBy(r => r.DayPosition ?? int.MaxValue).ThenBy(r => r.Year).ThenBy(r => r.Id)
            .Select(r => new DayStory(r.Id, r.Slug, Story.Headline(r.Year, r.Title), r.Kind, r.Status, r.IsChosen, r == leader))];
    }

    // The day page, its month, and the home page and today's feeds while it is today: all carry the day's tag.
    private async Task EvictAsync(CancellationToken ct)
    {
        await cache.EvictByTagAsync(CacheTags.Day(Day), ct);
        await cache.EvictByTagAsync(CacheTags.Month(Day.Month), ct);
    }

    private RedirectResult Back() => Redirect($"{Path}?day={Day.Numeric}");
}
