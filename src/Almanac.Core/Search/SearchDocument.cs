using System.Globalization;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Search;

/// <summary>
/// The text of a story as the index holds it, in the columns of every implementation: title, date
/// (year label and the full date, so "1924" and "44 BC" match), summary, highlights, body as plain
/// text (no Markdown syntax or link targets) and the names of its topics and categories.
/// </summary>
public sealed record SearchDocument(int Id, string Title, string Date, string Summary, string Highlights, string Body, string Tags)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Reads the documents of the given stories; stories that no longer exist are simply absent.</summary>
    public static async Task<List<SearchDocument>> LoadAsync(AlmanacDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await db.Stories.AsNoTracking().AsSplitQuery()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.Year,
                s.Month,
                s.Day,
                s.Precision,
                s.Calendar,
                s.Circa,
                s.Summary,
                s.Highlights,
                s.Body,
                Topics = s.Topics.Select(t => t.Name).ToList(),
                Categories = s.Categories.Select(c => c.Name).ToList(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => From(
            r.Id, r.Title, HistoricalDate.FromParts(r.Year, r.Month, r.Day, r.Precision, r.Calendar, r.Circa),
            r.Summary, r.Highlights, r.Body, r.Topics.Concat(r.Categories)))];
    }

    /// <summary>The document of one story from its parts (tags: the names of its topics and categories).</summary>
    public static SearchDocument From(int id, string title, HistoricalDate date, string summary, IEnumerable<string> highlights, string markdownBody, IEnumerable<string> tags) =>
        new(
            id,
            Clean(title),
            Clean($"{date.YearText} {date.ToDisplayString(English)}"),
            Clean(summary),
            Clean(string.Join('\n', highlights)),
            Clean(StoryMarkdown.ToPlainText(markdownBody)),
            Clean(string.Join('\n', tags)));

    // Stored text must not carry the highlight markers, or it could fake a match.
    private static string Clean(string text) => SearchText.Clean(text);
}
