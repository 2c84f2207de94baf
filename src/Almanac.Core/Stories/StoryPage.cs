using Almanac.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Stories;

/// <summary>Everything a story page shows of the story itself.</summary>
public sealed record StoryPage(
    int Id,
    string Slug,
    string Title,
    StoryKind Kind,
    int Year,
    int? Month,
    int? Day,
    DatePrecision Precision,
    CalendarSystem Calendar,
    bool Circa,
    int? PlacementMonth,
    int? PlacementDay,
    string Summary,
    List<string> Highlights,
    string BodyHtml,
    string? AuthorName,
    DateTime? PublishedAtUtc,
    DateTime UpdatedAtUtc,
    StoryImage? Image,
    List<Link> Categories,
    List<Link> Topics,
    List<SourceLink> Sources)
{
    public HistoricalDate Date => HistoricalDate.FromParts(Year, Month, Day, Precision, Calendar, Circa);

    public string Headline => Story.Headline(Year, Title);

    public CalendarDay? Placement => PlacementMonth is { } m && PlacementDay is { } d ? new CalendarDay(m, d) : null;

    /// <summary>Loads a published story by slug in one query (its few tags and sources are joined in).</summary>
    public static Task<StoryPage?> LoadAsync(IQueryable<Story> stories, string slug, DateTime nowUtc, CancellationToken ct) =>
        stories.AsNoTracking().Published(nowUtc).Where(s => s.Slug == slug)
            .Select(s => new StoryPage(
                s.Id, s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa,
                s.PlacementMonth, s.PlacementDay, s.Summary, s.Highlights, s.BodyHtml, s.AuthorName,
                s.PublishedAtUtc, s.UpdatedAtUtc,
                s.Image == null ? null : new StoryImage(s.Image.StorageKey, s.Image.Width, s.Image.Height, s.Image.AltText, s.Image.CreditText, s.Image.CreditUrl, s.Image.Licence),
                s.Categories.OrderBy(c => c.Name).Select(c => new Link(c.Slug, c.Name)).ToList(),
                s.Topics.OrderBy(t => t.Name).Select(t => new Link(t.Slug, t.Name)).ToList(),
                s.Sources.OrderBy(x => x.Position).Select(x => new SourceLink(x.Title, x.Url)).ToList()))
            .FirstOrDefaultAsync(ct);
}

public sealed record StoryImage(string StorageKey, int Width, int Height, string AltText, string CreditText, string? CreditUrl, string? Licence);

public sealed record Link(string Slug, string Name);

public sealed record SourceLink(string Title, string? Url);
