using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace Almanac.Core.Comments;

/// <summary>
/// Turns a comment as sent into what a page shows: plain text in paragraphs, http(s) addresses as links,
/// everything else encoded. No markup of the reader's ever reaches the page.
/// </summary>
public static partial class CommentText
{
    public const string LinkRel = "nofollow ugc noopener";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The number of http(s) addresses in a comment, as the moderation rule counts them.</summary>
    public static int CountLinks(string body) => Url().Count(body);

    public static string ToHtml(string body)
    {
        var html = new StringBuilder(body.Length + 64);
        foreach (var paragraph in Paragraphs(body))
        {
            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }

                AppendLine(html, lines[i]);
            }

            html.Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>The text without control characters (tab and line breaks aside), for a page or a mail.</summary>
    public static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Paragraphs(string body) =>
        BlankLines().Split(Printable(body.ReplaceLineEndings("\n")).Trim())
            .Select(p => p.Trim('\n'))
            .Where(p => p.Length > 0);

    private static void AppendLine(StringBuilder html, string line)
    {
        int at = 0;
        foreach (Match m in Url().Matches(line))
        {
            // Closing punctuation after an address belongs to the sentence, not the link.
            string url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', ']');
            html.Append(Encoder.Encode(line[at..m.Index]));
            html.Append("<a href=\"").Append(Encoder.Encode(url)).Append("\" rel=\"").Append(LinkRel).Append("\">")
                .Append(Encoder.Encode(url)).Append("</a>");
            at = m.Index + url.Length;
        }

        html.Append(Encoder.Encode(line[at..]));
    }

    /// <summary>A short one-line excerpt, for the moderation queue and mails.</summary>
    public static string Excerpt(string body, int length = 140)
    {
        var flat = string.Join(' ', Printable(body).Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var info = new StringInfo(flat);
        return info.LengthInTextElements <= length ? flat : info.SubstringByTextElements(0, length) + "…";
    }

    // Only the two web schemes, matched from a word boundary; the address runs to the next space,
    // quote or angle bracket (which a URL may not contain unencoded anyway).
    [GeneratedRegex(@"\bhttps?://[^\s<>""'`]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();
}
