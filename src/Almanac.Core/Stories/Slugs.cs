using System.Globalization;
using System.Text;

namespace Almanac.Core.Stories;

/// <summary>URL slugs: lower-case ASCII letters, digits and single hyphens.</summary>
public static class Slugs
{
    public const int MaxLength = 100;

    /// <summary>"Álvaro Obregón" becomes "alvaro-obregon"; accents are folded, everything else becomes a hyphen.</summary>
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool hyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // "Assassin's" reads better as "assassins" than as "assassin-s".
            if (c is '\'' or '\u2019')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(lower);
                hyphen = false;
            }
            else if (lower is 'ß')
            {
                sb.Append("ss");
                hyphen = false;
            }
            else if (!hyphen && sb.Length > 0)
            {
                sb.Append('-');
                hyphen = true;
            }

            if (sb.Length >= MaxLength)
            {
                break;
            }
        }

        return sb.ToString().Trim('-');
    }

    /// <summary>A story's slug from "year title": "1924-diplomatic-relations-…", "44-bc-…".</summary>
    public static string ForStory(int year, string title) =>
        From($"{Calendar.HistoricalDate.YearSlug(year)} {title}");
}
