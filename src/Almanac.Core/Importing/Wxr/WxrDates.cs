using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Almanac.Core.Calendar;

namespace Almanac.Core.Importing.Wxr;

/// <summary>
/// Reads a post's historical date the way the WordPress site wrote it: the year before the title
/// ("1924: Diplomatic Relations …", "44 BC: …", "c. 1450: …") and the full date in the text
/// ("4 August 1924", as the story highlights state it). Nothing is guessed: a day is taken only from a
/// date in the text whose year agrees with the title's.
/// </summary>
public static partial class WxrDates
{
    public sealed record Reading(string Title, HistoricalDate? Date, bool DayFound);

    public static Reading Read(string title, string html)
    {
        HistoricalDate? titleDate = null;
        var rest = title.Trim();
        var prefix = TitlePrefix().Match(rest);
        if (prefix.Success && HistoricalDateParser.TryParse(prefix.Groups["date"].Value, out var parsed, out _))
        {
            titleDate = parsed;
            rest = prefix.Groups["title"].Value.Trim();
        }

        if (titleDate is { Precision: DatePrecision.Day })
        {
            return new Reading(rest, titleDate, true);
        }

        foreach (var candidate in DatesIn(html))
        {
            if (titleDate is null)
            {
                return new Reading(rest, candidate, true);
            }

            if (candidate.Year == titleDate.Value.Year)
            {
                var d = candidate;
                return new Reading(rest, HistoricalDate.OnDay(d.Year, d.Month!.Value, d.Day!.Value, d.Calendar, titleDate.Value.Circa || d.Circa), true);
            }
        }

        return new Reading(rest, titleDate, false);
    }

    /// <summary>Every day-precise date written out in the text, in order.</summary>
    public static IEnumerable<HistoricalDate> DatesIn(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        foreach (Match m in WrittenDay().Matches(text))
        {
            if (HistoricalDateParser.TryParse(m.Value, out var date, out _) && date.Precision == DatePrecision.Day)
            {
                yield return date;
            }
        }
    }

    public static string PlainText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Shortcodes().Replace(html, " "), " ")), " ").Trim();

    /// <summary>Drops WordPress shortcodes such as [caption …]…[/caption] markers; the content between them stays.</summary>
    public static string WithoutShortcodes(string html) => Shortcodes().Replace(html, "");

    public static DateTime? ParseWordPressTime(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            && t.Year > 1 ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null;

    [GeneratedRegex(@"^(?<date>(?:c\.\s*|circa\s+)?(?:AD\s+)?\d{1,4}(?:\s*(?:BC|BCE|AD|CE))?|\d{1,2}\s+[A-Za-z]+\.?\s+\d{1,4}(?:\s*(?:BC|BCE|AD))?)\s*:\s*(?<title>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePrefix();

    [GeneratedRegex(@"\b(?:\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s*\d{1,4})(?:\s+(?:BC|BCE|AD)\b)?", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WrittenDay();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\[/?[a-z_]+(?:\s[^\]]*)?\]")]
    private static partial Regex Shortcodes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
