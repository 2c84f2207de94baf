using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;

namespace Almanac.Core.Importing.BsdCalendar;

/// <summary>
/// The calendar files of BSD's <c>calendar(1)</c> as Debian ships them (/usr/share/calendar):
/// <c>MM/DD&lt;TAB&gt;text</c> or <c>Mon DD&lt;TAB&gt;text</c>, continuation lines starting with a tab,
/// <c>#include &lt;file&gt;</c> (looked up beside the including file, then in the root folder, never
/// outside the root), <c>LANG=</c> choosing the encoding of the lines after it, and C comments and
/// preprocessor guards. An entry becomes a story only when its text names its year (", 1924" at the
/// end or "in 1924"); entries without a year, and dates the file computes (Easter-47, May Sun+2,
/// 04/05*), are reported, never guessed.
/// </summary>
public sealed partial class BsdCalendarReader(string path, string? root = null) : IImportReader
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private readonly string root = Path.GetFullPath(root ?? Path.GetDirectoryName(Path.GetFullPath(path))!);
    private int filesDone;

    public string Source => "bsd-calendar";

    public double Progress => filesDone > 0 ? 1 : 0;

    static BsdCalendarReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async IAsyncEnumerable<ImportEntry> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in FileAsync(Path.GetFullPath(path), seen, ct))
        {
            yield return entry;
        }

        filesDone = 1;
    }

    private async IAsyncEnumerable<ImportEntry> FileAsync(string file, HashSet<string> seen, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!seen.Add(file))
        {
            yield break;
        }

        // Calendar files are small, and LANG= may change the encoding half-way: read bytes, decode per line.
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var encoding = Encoding.UTF8;
        var name = Path.GetRelativePath(root, file);
        (string Date, string Text, int Line)? pending = null;
        bool inComment = false;
        var lines = Split(bytes);
        for (int i = 0; i <= lines.Count; i++)
        {
            string? line = i < lines.Count ? encoding.GetString(lines[i]).TrimEnd('\r') : null;
            if (line is not null && line.StartsWith('\t') && pending is { } p)
            {
                pending = (p.Date, p.Text + " " + line.Trim(), p.Line);
                continue;
            }

            if (pending is { } done)
            {
                yield return Entry(done.Date, done.Text, $"{name}:{done.Line}");
                pending = null;
            }

            if (line is null)
            {
                break;
            }

            var trimmed = line.Trim();
            if (inComment)
            {
                inComment = !trimmed.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (trimmed.StartsWith("/*", StringComparison.Ordinal))
            {
                inComment = !trimmed.Contains("*/", StringComparison.Ordinal);
                continue;
            }

            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (trimmed.StartsWith("LANG=", StringComparison.OrdinalIgnoreCase))
            {
                encoding = EncodingOf(trimmed[5..]);
                continue;
            }

            if (Include().Match(trimmed) is { Success: true } include)
            {
                var target = Resolve(file, include.Groups["file"].Value);
                if (target is null)
                {
                    yield return new ProblemEntry($"{name}:{i + 1}", $"#include {include.Groups["file"].Value}: no such file inside {root}.");
                    continue;
                }

                await foreach (var entry in FileAsync(target, seen, ct))
                {
                    yield return entry;
                }

                continue;
            }

            if (trimmed.StartsWith('#') || !line.Contains('\t', StringComparison.Ordinal))
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            pending = (line[..tab].Trim(), line[(tab + 1)..].Trim(), i + 1);
        }
    }

    private static ImportEntry Entry(string dateText, string text, string location)
    {
        if (!TryPlace(dateText, out int month, out int day))
        {
            return new ProblemEntry(location, $"\"{dateText}\" is not a fixed day of the year (computed and varying dates are not placed): {text}");
        }

        var atEnd = YearAtEnd().Match(text);
        var year = atEnd.Success ? atEnd : YearInText().Match(text);
        if (!year.Success)
        {
            return new ProblemEntry(location, $"no year in \"{text}\"; the entry is not placed in a year by guessing.");
        }

        int number = int.Parse(year.Groups["year"].Value, CultureInfo.InvariantCulture);
        int astronomical = year.Groups["bc"].Success ? 1 - number : number;
        if (!CalendarDay.IsValid(month, day) || day > CalendarMath.DaysInMonth(astronomical, month, CalendarSystem.Gregorian))
        {
            return new ProblemEntry(location, $"{dateText} does not exist in {HistoricalDate.YearLabel(astronomical)}: {text}");
        }

        // ", 1924" at the end is the date, not part of the headline; "in 1924" reads as part of the sentence.
        var title = atEnd.Success ? text[..atEnd.Index].TrimEnd(',', ' ') : text;
        var lower = text.ToLowerInvariant();
        return new StoryEntry(location, ImportKeys.Fit($"{month:00}-{day:00} {text}"), new ImportedStory
        {
            Title = title.Length > 200 ? title[..197].TrimEnd() + "…" : title,
            Kind = lower.Contains(" born", StringComparison.Ordinal) ? StoryKind.Birth
                : lower.Contains(" dies", StringComparison.Ordinal) || lower.Contains(" died", StringComparison.Ordinal) ? StoryKind.Death
                : StoryKind.Event,
            Date = HistoricalDate.OnDay(astronomical, month, day),
            Summary = text.Length > 1000 ? text[..999] + "…" : text,
            Sources = [new ImportedSource($"BSD calendar file {Path.GetFileName(location.Split(':')[0])}", null)],
        });
    }

    private static bool TryPlace(string text, out int month, out int day)
    {
        month = day = 0;
        if (Numeric().Match(text) is { Success: true } n)
        {
            month = int.Parse(n.Groups["m"].Value, CultureInfo.InvariantCulture);
            day = int.Parse(n.Groups["d"].Value, CultureInfo.InvariantCulture);
            return CalendarDay.IsValid(month, day);
        }

        var named = Named().Match(text);
        if (!named.Success)
        {
            return false;
        }

        var monthText = named.Groups["m1"].Success ? named.Groups["m1"].Value : named.Groups["m2"].Value;
        month = Array.IndexOf(MonthNames, monthText[..3].ToLowerInvariant()) + 1;
        day = int.Parse(named.Groups["d1"].Success ? named.Groups["d1"].Value : named.Groups["d2"].Value, CultureInfo.InvariantCulture);
        return month > 0 && CalendarDay.IsValid(month, day);
    }

    private string? Resolve(string including, string target)
    {
        foreach (var folder in new[] { Path.GetDirectoryName(including)!, root })
        {
            var candidate = Path.GetFullPath(Path.Combine(folder, target));
            // Only files inside the root are read, whatever the include says ("../../etc/passwd").
            if ((candidate + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Encoding EncodingOf(string lang)
    {
        var charset = lang.Contains('.', StringComparison.Ordinal) ? lang[(lang.IndexOf('.', StringComparison.Ordinal) + 1)..] : lang;
        try
        {
            return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8
                : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }

    [GeneratedRegex("""^#\s*include\s+[<"](?<file>[^>"]+)[>"]""")]
    private static partial Regex Include();

    [GeneratedRegex(@"^(?<m>\d{1,2})/(?<d>\d{1,2})$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?:(?<m1>[A-Za-z]{3,})\.?\s+(?<d1>\d{1,2})|(?<d2>\d{1,2})\s+(?<m2>[A-Za-z]{3,})\.?)$")]
    private static partial Regex Named();

    [GeneratedRegex(@",\s*(?<year>\d{1,4})(?:\s*(?<bc>B\.?C\.?|BCE))?\s*\.?$")]
    private static partial Regex YearAtEnd();

    [GeneratedRegex(@"\bin\s+(?<year>\d{3,4})(?:\s*(?<bc>B\.?C\.?|BCE))?\b")]
    private static partial Regex YearInText();
}
