using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Almanac.Core.Search;

/// <summary>
/// Turns text with match markers (from FTS5 <c>highlight()</c>/<c>snippet()</c>) into HTML: the text
/// is encoded piece by piece and only the markers become <c>&lt;mark&gt;</c>, so stored text can never
/// add markup of its own.
/// </summary>
public static class SearchMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        bool open = false;
        int start = 0;
        for (int i = 0; i <= marked.Length; i++)
        {
            char c = i < marked.Length ? marked[i] : SearchText.MarkEnd;
            if (c is not (SearchText.MarkStart or SearchText.MarkEnd))
            {
                continue;
            }

            html.Append(Encoder.Encode(marked[start..i]));
            start = i + 1;
            if (c == SearchText.MarkStart && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (c == SearchText.MarkEnd && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        return html.ToString();
    }
}
