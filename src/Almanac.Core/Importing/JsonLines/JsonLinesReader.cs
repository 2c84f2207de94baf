using System.Runtime.CompilerServices;
using System.Text.Json;
using Almanac.Core.Calendar;

namespace Almanac.Core.Importing.JsonLines;

/// <summary>Reads our own export (<see cref="JsonLinesFormat"/>) line by line: memory stays flat for any file size.</summary>
public sealed class JsonLinesReader(string path) : IImportReader
{
    private Stream? stream;

    public string Source => "jsonl";

    public double Progress => stream is { Length: > 0 } s ? (double)s.Position / s.Length : 0;

    public async IAsyncEnumerable<ImportEntry> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var name = System.IO.Path.GetFileName(path);
        await using var file = File.OpenRead(path);
        stream = file;
        using var reader = new StreamReader(file);
        int number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (Parse(line, $"{name}:{number}") is { } entry)
            {
                yield return entry;
            }
        }
    }

    internal static ImportEntry? Parse(string line, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            return type switch
            {
                "story" => Story(root.Deserialize<StoryLine>(JsonLinesFormat.Json)!, location),
                "category" or "topic" => Tag(root.Deserialize<TagLine>(JsonLinesFormat.Json)!, type == "topic", location),
                "media" => new MediaEntry(location, "media:" + root.Deserialize<MediaLine>(JsonLinesFormat.Json)!.StorageKey, Image(root.Deserialize<MediaLine>(JsonLinesFormat.Json)!)),
                "comment" => Comment(root.Deserialize<CommentLine>(JsonLinesFormat.Json)!, location),
                "redirect" => Redirect(root.Deserialize<RedirectLine>(JsonLinesFormat.Json)!, location),
                "almanac" => root.Deserialize<HeaderLine>(JsonLinesFormat.Json)!.Version > JsonLinesFormat.Version
                    ? new NoteEntry(location, "the file was written by a newer Almanac; what this version does not know is skipped.")
                    : null,
                null => new ProblemEntry(location, "the line is not an object with a \"type\"."),
                _ => new NoteEntry(location, $"records of type \"{type}\" are not known to this version; skipped."),
            };
        }
        catch (JsonException e)
        {
            return new ProblemEntry(location, $"not valid JSON: {e.Message}");
        }
    }

    private static ImportEntry Story(StoryLine s, string location)
    {
        if (string.IsNullOrWhiteSpace(s.Slug) || s.Date is null)
        {
            return new ProblemEntry(location, "a story needs a slug and a date.");
        }

        HistoricalDate date;
        CalendarDay? placement = null;
        try
        {
            date = HistoricalDate.FromParts(s.Date.Year, s.Date.Month, s.Date.Day, s.Date.Precision, s.Date.Calendar, s.Date.Circa);
            if (s.Placement is { } p)
            {
                placement = new CalendarDay(p.Month, p.Day);
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            return new ProblemEntry(location, $"the date cannot be: {e.Message}");
        }

        var features = new List<CalendarDay>();
        foreach (var f in s.Features ?? [])
        {
            if (!CalendarDay.IsValid(f.Month, f.Day))
            {
                return new ProblemEntry(location, $"{f.Month:00}-{f.Day:00} is not a day of the calendar year.");
            }

            features.Add(new CalendarDay(f.Month, f.Day));
        }

        return new StoryEntry(location, "story:" + s.Slug, new ImportedStory
        {
            Slug = s.Slug,
            Title = s.Title ?? "",
            Kind = s.Kind,
            Date = date,
            Placement = placement,
            Summary = s.Summary ?? "",
            Highlights = s.Highlights ?? [],
            Body = s.Body ?? "",
            Status = s.Status,
            AuthorName = s.Author,
            CreatedAtUtc = s.CreatedAtUtc,
            PublishedAtUtc = s.PublishedAtUtc,
            UpdatedAtUtc = s.UpdatedAtUtc,
            Categories = [.. (s.Categories ?? []).Select(c => new ImportedTag(c.Name, c.Slug, c.Description))],
            Topics = [.. (s.Topics ?? []).Select(c => new ImportedTag(c.Name, c.Slug, c.Description))],
            Sources = [.. (s.Sources ?? []).Select(x => new ImportedSource(x.Title, x.Url))],
            Image = s.Image is null ? null : Image(s.Image),
            Features = features,
            CommentsClosed = s.CommentsClosed == true,
        });
    }

    private static ImportEntry Comment(CommentLine c, string location)
    {
        if (c.Id <= 0 || string.IsNullOrWhiteSpace(c.Story) || c.Body is null || c.Author is null)
        {
            return new ProblemEntry(location, "a comment needs an \"id\", a \"story\" slug, an \"author\" and a \"body\".");
        }

        // Keyed on the story and the comment's number in the exporting site, as stories are on their slug.
        string Key(int id) => ImportKeys.Fit($"comment:{c.Story}:{id}");
        return new CommentEntry(location, Key(c.Id), new ImportedComment
        {
            StorySourceId = "story:" + c.Story,
            ParentSourceId = c.Parent is int parent ? Key(parent) : null,
            AuthorName = c.Author,
            Email = c.Email,
            Body = c.Body,
            Status = c.Status,
            CreatedAtUtc = c.CreatedAtUtc,
            DeleteKey = c.DeleteKey,
        });
    }

    private static ImportEntry Tag(TagLine t, bool isTopic, string location) =>
        string.IsNullOrWhiteSpace(t.Name) ? new ProblemEntry(location, $"a {t.Type} needs a name.")
        : new TagEntry(location, new ImportedTag(t.Name, t.Slug, t.Description ?? ""), isTopic);

    private static ImportEntry Redirect(RedirectLine r, string location) =>
        string.IsNullOrWhiteSpace(r.From) || string.IsNullOrWhiteSpace(r.To) || !r.From.StartsWith('/') || !r.To.StartsWith('/')
            ? new ProblemEntry(location, "a redirect needs \"from\" and \"to\" paths starting with \"/\".")
            : new RedirectEntry(location, r.From, r.To, r.Source ?? "jsonl");

    private static ImportedImage Image(MediaLine m) => new()
    {
        StorageKey = m.StorageKey,
        ContentType = m.ContentType ?? "image/jpeg",
        Width = m.Width,
        Height = m.Height,
        AltText = m.Alt ?? "",
        CreditText = m.Credit ?? "",
        CreditUrl = m.CreditUrl,
        Licence = m.Licence,
        CreatedAtUtc = m.CreatedAtUtc,
    };
}
