using System.Text.Json;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Importing.JsonLines;

/// <summary>
/// Writes the whole site as JSON Lines: a header, categories, topics, media, stories (in id order, read
/// a page at a time so memory stays flat), comments and redirects. <c>almanac import jsonl</c> reads it back.
/// </summary>
public static class JsonLinesExporter
{
    private const int Page = 1000;

    /// <returns>The number of stories written.</returns>
    public static async Task<int> ExportAsync(AlmanacDbContext db, TextWriter writer, DateTime nowUtc, Action<int>? progress = null, CancellationToken ct = default)
    {
        await WriteAsync(writer, new HeaderLine(JsonLinesFormat.Version, nowUtc), ct);
        foreach (var c in await db.Categories.AsNoTracking().OrderBy(c => c.Slug).ToListAsync(ct))
        {
            await WriteAsync(writer, new TagLine("category", c.Slug, c.Name, c.Description), ct);
        }

        foreach (var t in await db.Topics.AsNoTracking().OrderBy(t => t.Slug).ToListAsync(ct))
        {
            await WriteAsync(writer, new TagLine("topic", t.Slug, t.Name, t.Description), ct);
        }

        foreach (var m in await db.Media.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct))
        {
            await WriteAsync(writer, Media(m), ct);
        }

        int count = 0, last = 0;
        while (true)
        {
            var stories = await db.Stories.AsNoTracking()
                .Include(s => s.Categories).Include(s => s.Topics).Include(s => s.Sources).Include(s => s.Features).Include(s => s.Image)
                .Where(s => s.Id > last).OrderBy(s => s.Id).Take(Page).AsSplitQuery().ToListAsync(ct);
            if (stories.Count == 0)
            {
                break;
            }

            foreach (var s in stories)
            {
                await WriteAsync(writer, Story(s), ct);
            }

            last = stories[^1].Id;
            count += stories.Count;
            progress?.Invoke(count);
        }

        // Top-level comments first, then replies, so a reply's parent is always on an earlier line.
        foreach (bool replies in new[] { false, true })
        {
            int lastComment = 0;
            while (true)
            {
                var comments = await db.Comments.AsNoTracking()
                    .Where(c => c.Id > lastComment && (c.ParentId != null) == replies).OrderBy(c => c.Id).Take(Page)
                    .Select(c => new CommentLine(c.Id, c.Story!.Slug, c.ParentId, c.AuthorName, c.Email, c.Body, c.Status, c.CreatedAtUtc, c.DeleteKey, "comment"))
                    .ToListAsync(ct);
                if (comments.Count == 0)
                {
                    break;
                }

                foreach (var c in comments)
                {
                    await WriteAsync(writer, c, ct);
                }

                lastComment = comments[^1].Id;
            }
        }

        foreach (var r in await db.Redirects.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct))
        {
            await WriteAsync(writer, new RedirectLine(r.FromPath, r.ToPath, r.Source, r.CreatedAtUtc), ct);
        }

        await writer.FlushAsync(ct);
        return count;
    }

    public static StoryLine Story(Story s) => new(
        s.Slug,
        s.Title,
        s.Kind,
        new DateLine(s.Year, s.Month, s.Day, s.Precision, s.Calendar, s.Circa, s.Date.ToString()),
        s.PlacementOverridden && s.PlacementMonth is int m && s.PlacementDay is int d ? new PlacementLine(m, d) : null,
        s.Summary,
        s.Highlights,
        s.Body,
        s.Status,
        s.AuthorName,
        s.CreatedAtUtc,
        s.PublishedAtUtc,
        s.UpdatedAtUtc,
        [.. s.Categories.OrderBy(c => c.Slug).Select(c => new TagLine("category", c.Slug, c.Name, c.Description))],
        [.. s.Topics.OrderBy(t => t.Slug).Select(t => new TagLine("topic", t.Slug, t.Name, t.Description))],
        [.. s.Sources.OrderBy(x => x.Position).Select(x => new SourceLine(x.Title, x.Url))],
        s.Image is null ? null : Media(s.Image),
        [.. s.Features.OrderBy(f => f.Month).ThenBy(f => f.Day).Select(f => new DayLine(f.Month, f.Day))],
        s.CommentsClosed ? true : null);

    private static MediaLine Media(MediaItem m) =>
        new(m.StorageKey, m.ContentType, m.Width, m.Height, m.AltText, m.CreditText, m.CreditUrl, m.Licence, m.CreatedAtUtc);

    public static async Task WriteAsync<T>(TextWriter writer, T line, CancellationToken ct)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(line, JsonLinesFormat.Json).AsMemory(), ct);
    }
}
