using Almanac.Core.Calendar;
using Almanac.Core.Data;
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
    StoryImage? Image)
{
    public HistoricalDate Date => HistoricalDate.FromParts(Year, Month, Day, Precision, Calendar, Circa);

    public string Headline => Story.Headline(Year, Title);

    public CalendarDay? Placement => PlacementMonth is { } m && PlacementDay is { } d ? new CalendarDay(m, d) : null;

    public IReadOnlyList<Link> Categories { get; private init; } = [];

    public IReadOnlyList<Link> Topics { get; private init; } = [];

    public IReadOnlyList<SourceLink> Sources { get; private init; } = [];

    /// <summary>
    /// Loads a published story by slug in two indexed queries: the story row, then its topics,
    /// categories and sources together. (A single EF query with three collections makes SQLite build
    /// each joined collection for the whole table first.)
    /// </summary>
    public static async Task<StoryPage?> LoadAsync(AlmanacDbContext db, string slug, DateTime nowUtc, CancellationToken ct)
    {
        var page = await db.Stories.AsNoTracking().Published(nowUtc).Where(s => s.Slug == slug)
            .Select(s => new StoryPage(
                s.Id, s.Slug, s.Title, s.Kind, s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa,
                s.PlacementMonth, s.PlacementDay, s.Summary, s.Highlights, s.BodyHtml, s.AuthorName,
                s.PublishedAtUtc, s.UpdatedAtUtc,
                s.Image == null ? null : new StoryImage(s.Image.Id, s.Image.VariantWidths, s.Image.Width, s.Image.Height, s.Image.AltText, s.Image.CreditText, s.Image.CreditUrl, s.Image.Licence)))
            .FirstOrDefaultAsync(ct);
        if (page is null)
        {
            return null;
        }

        int id = page.Id;
        var rows = await db.StoryTopics.Where(x => x.StoryId == id)
                .Join(db.Topics, x => x.TopicId, t => t.Id, (x, t) => new { Kind = (int)LinkKind.Topic, Text = t.Name, Value = (string?)t.Slug, Position = 0 })
            .Concat(db.StoryCategories.Where(x => x.StoryId == id)
                .Join(db.Categories, x => x.CategoryId, c => c.Id, (x, c) => new { Kind = (int)LinkKind.Category, Text = c.Name, Value = (string?)c.Slug, Position = 0 }))
            .Concat(db.Sources.Where(x => x.StoryId == id)
                .Select(x => new { Kind = (int)LinkKind.Source, Text = x.Title, Value = x.Url, Position = x.Position }))
            .AsNoTracking()
            .ToListAsync(ct);

        return page with
        {
            Topics = [.. rows.Where(r => r.Kind == (int)LinkKind.Topic).OrderBy(r => r.Text, StringComparer.CurrentCulture).Select(r => new Link(r.Value!, r.Text))],
            Categories = [.. rows.Where(r => r.Kind == (int)LinkKind.Category).OrderBy(r => r.Text, StringComparer.CurrentCulture).Select(r => new Link(r.Value!, r.Text))],
            Sources = [.. rows.Where(r => r.Kind == (int)LinkKind.Source).OrderBy(r => r.Position).Select(r => new SourceLink(r.Text, r.Value))],
        };
    }

    private enum LinkKind
    {
        Topic = 0,
        Category = 1,
        Source = 2,
    }
}

/// <summary>An uploaded image with its stored widths (each in WebP and JPEG) and its credit.</summary>
public sealed record StoryImage(int Id, IReadOnlyList<int> Widths, int Width, int Height, string AltText, string CreditText, string? CreditUrl, string? Licence);

public sealed record Link(string Slug, string Name);

public sealed record SourceLink(string Title, string? Url);
