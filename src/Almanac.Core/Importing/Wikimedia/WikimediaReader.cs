using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;

namespace Almanac.Core.Importing.Wikimedia;

/// <summary>
/// One day of Wikimedia's "onthisday" feed (the shape our /api/rest_v1/feed/onthisday endpoint
/// serves): <c>selected, events, births, deaths, holidays</c>, each a list of items with
/// <c>text</c>, <c>year</c> (44 BC is -44) and <c>pages</c>. The feed does not say its day, so the day
/// comes from <c>--day</c> or from the file name ("08-04.json"). Holidays have no year and are reported.
/// </summary>
public sealed partial class WikimediaReader(string path, CalendarDay? day) : IImportReader
{
    private double progress;

    public string Source => "wikimedia";

    public double Progress => progress;

    public static bool TryDayFromFileName(string path, out CalendarDay day)
    {
        day = default;
        var m = DayInName().Match(Path.GetFileNameWithoutExtension(path));
        if (!m.Success)
        {
            return false;
        }

        int month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (!CalendarDay.IsValid(month, d))
        {
            return false;
        }

        day = new CalendarDay(month, d);
        return true;
    }

    public async IAsyncEnumerable<ImportEntry> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        if ((day ?? (TryDayFromFileName(path, out var fromName) ? fromName : null)) is not { } onDay)
        {
            throw new InvalidDataException($"The feed does not say which day it is for: give --day 08-04, or name the file like 08-04.json.");
        }

        JsonDocument document;
        await using (var file = File.OpenRead(path))
        {
            try
            {
                document = await JsonDocument.ParseAsync(file, cancellationToken: ct);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{name} is not JSON: {e.Message}");
            }
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{name} is not an onthisday feed (an object with events, births, deaths …).");
            }

            (string Type, StoryKind Kind)[] types = [("selected", StoryKind.Event), ("events", StoryKind.Event), ("births", StoryKind.Birth), ("deaths", StoryKind.Death), ("holidays", StoryKind.Observance)];
            foreach (var (type, kind) in types)
            {
                if (!document.RootElement.TryGetProperty(type, out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                int index = 0;
                foreach (var item in items.EnumerateArray())
                {
                    yield return Item(item, kind, onDay, type == "selected", $"{name}:{type}[{index++}]");
                }
            }
        }

        progress = 1;
    }

    private static ImportEntry Item(JsonElement item, StoryKind kind, CalendarDay onDay, bool selected, string location)
    {
        var text = item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : "";
        if (text.Length == 0)
        {
            return new ProblemEntry(location, "an item without text.");
        }

        if (!item.TryGetProperty("year", out var y) || !y.TryGetInt32(out int wikimediaYear) || wikimediaYear == 0)
        {
            return new ProblemEntry(location, $"no year for \"{text}\"; Almanac stories need one, and none is guessed.");
        }

        // Wikimedia counts 44 BC as -44; Almanac's years are astronomical (44 BC is -43).
        int year = wikimediaYear < 0 ? wikimediaYear + 1 : wikimediaYear;
        if (onDay.Day > CalendarMath.DaysInMonth(year, onDay.Month, CalendarSystem.Gregorian))
        {
            return new ProblemEntry(location, $"{onDay.Slug} does not exist in {HistoricalDate.YearLabel(year)}.");
        }

        var pages = item.TryGetProperty("pages", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().ToList() : [];
        var first = pages.FirstOrDefault();
        return new StoryEntry(location, ImportKeys.Fit($"{onDay.Numeric} {wikimediaYear} {text}"), new ImportedStory
        {
            Title = text.Length > 200 ? text[..197].TrimEnd() + "…" : text,
            Kind = kind,
            Date = HistoricalDate.OnDay(year, onDay.Month, onDay.Day),
            Summary = Text(first, "extract") is { Length: > 0 and <= 1000 } extract ? extract : text.Length <= 1000 ? text : text[..999] + "…",
            Sources = [.. pages.Select(page => new ImportedSource(
                Text(page, "normalizedtitle") is { Length: > 0 } n ? n : Text(page, "title").Replace('_', ' '),
                page.TryGetProperty("content_urls", out var urls) && urls.TryGetProperty("desktop", out var desktop) ? Text(desktop, "page") : null))
                .Where(s => s.Title.Length is > 0 and <= 300 && (s.Url is null || s.Url.Length <= 2000))],
            Features = selected ? [onDay] : [],
        });
    }

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    [GeneratedRegex(@"(?<m>\d{2})[-_/](?<d>\d{2})(?!\d)")]
    private static partial Regex DayInName();
}
