using System.Runtime.CompilerServices;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using CsvHelper;

namespace Almanac.Core.Importing.Csv;

/// <summary>
/// A spreadsheet of stories, one per row, with a header naming the columns (docs/import.md):
/// <c>date</c> and <c>title</c> are required; <c>id, kind, summary, body, highlights, categories,
/// topics, sources, status, author, slug, featured</c> are optional. Lists are separated by "|"; a
/// source is "Title &lt;https://…&gt;" or just a title. Rows are keyed on <c>id</c>, or on date and
/// title when there is no id column.
/// </summary>
public sealed class CsvStoryReader(string path) : IImportReader
{
    private long offset;
    private long length;

    public string Source => "csv";

    public double Progress => length > 0 ? (double)offset / length : 0;

    public async IAsyncEnumerable<ImportEntry> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        await using var file = File.OpenRead(path);
        length = file.Length;
        await using var csv = CsvReader.Create(file, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true }, leaveOpen: false);
        await csv.ReadHeaderAsync(ct);
        if (csv.Headers.Count == 0)
        {
            throw new InvalidDataException($"{name} is empty; it needs a header row naming the columns (date, title, …).");
        }

        var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        if (!headers.Contains("date") || !headers.Contains("title"))
        {
            throw new InvalidDataException($"{name} has no \"date\" and \"title\" columns; the header row reads: {string.Join(", ", csv.Headers)}.");
        }

        while (await csv.ReadAsync(ct))
        {
            offset = csv.ByteOffset;
            yield return Row(csv, headers, $"{name}:{csv.LineNumber}");
        }
    }

    private static ImportEntry Row(CsvReader csv, HashSet<string> headers, string location)
    {
        string Get(string column) => headers.Contains(column) ? csv.GetString(column).Trim() : "";

        if (!HistoricalDateParser.TryParse(Get("date"), out var date, out var error))
        {
            return new ProblemEntry(location, $"date: {error}");
        }

        var title = Get("title");
        if (title.Length == 0)
        {
            return new ProblemEntry(location, "the title is empty.");
        }

        var kind = StoryKind.Event;
        if (Get("kind") is { Length: > 0 } kindText && !StoryKinds.TryParse(kindText, out kind))
        {
            return new ProblemEntry(location, $"kind \"{kindText}\" is not one of event, birth, death, observance.");
        }

        var status = StoryStatus.Published;
        if (Get("status") is { Length: > 0 } statusText && !Enum.TryParse(statusText.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out status))
        {
            return new ProblemEntry(location, $"status \"{statusText}\" is not one of published, draft, in-review, scheduled, unpublished.");
        }

        var featured = Get("featured") is "true" or "yes" or "1" or "TRUE" or "Yes";
        var id = Get("id");
        return new StoryEntry(location, ImportKeys.Fit(id.Length > 0 ? "id:" + id : $"date-title:{date.ToIsoString()} {title}"), new ImportedStory
        {
            Title = title,
            Kind = kind,
            Date = date,
            Slug = Get("slug") is { Length: > 0 } slug ? slug : null,
            Summary = Get("summary"),
            Body = Get("body"),
            Highlights = List(Get("highlights")),
            Categories = [.. List(Get("categories")).Select(n => new ImportedTag(n))],
            Topics = [.. List(Get("topics")).Select(n => new ImportedTag(n))],
            Sources = [.. List(Get("sources")).Select(SourceOf)],
            Status = status,
            AuthorName = Get("author") is { Length: > 0 } author ? author : null,
            Features = featured && date.Placement is { } day ? [day] : [],
        });
    }

    private static List<string> List(string cell) => [.. cell.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static ImportedSource SourceOf(string text)
    {
        int open = text.LastIndexOf('<');
        return open > 0 && text.EndsWith('>') && Uri.TryCreate(text[(open + 1)..^1], UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? new ImportedSource(text[..open].Trim(), url.ToString())
            : new ImportedSource(text, null);
    }
}
