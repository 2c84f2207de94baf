using System.Text;

namespace Almanac.Core.Search;

/// <summary>One word or quoted phrase of a reader's query.</summary>
public sealed record SearchTerm(string Text, bool IsPhrase, bool IsPrefix);

/// <summary>
/// A reader's query as parsed: the terms (all must match), and whether the input was cut to
/// <see cref="SearchText.MaxLength"/> characters or lost terms beyond <see cref="SearchText.MaxTerms"/>.
/// </summary>
public sealed record ParsedSearch(string Text, IReadOnlyList<SearchTerm> Terms, bool WasShortened, bool DroppedTerms)
{
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>
    /// The FTS5 query: every term is a quoted string, so nothing the reader types is read as an
    /// operator, column filter or syntax; only the trailing <c>*</c> of a prefix term is ours.
    /// </summary>
    public string ToFts5() =>
        string.Join(' ', Terms.Select(t => "\"" + t.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (t.IsPrefix ? "*" : "")));

    /// <summary>
    /// The PostgreSQL <c>tsquery</c>: each term split into its letters-and-digits tokens (as FTS5's
    /// unicode61 tokenizer splits), a term of several tokens a phrase (<c>&lt;-&gt;</c>), the terms
    /// ANDed, and <c>:*</c> on the last token of a prefix term. Only letters and digits of the reader's
    /// text reach the query, so nothing they type is read as an operator.
    /// </summary>
    public string ToTsQuery() =>
        string.Join(" & ", Terms
            .Select(t => (Term: t, Tokens: Tokens(t.Text)))
            .Where(t => t.Tokens.Count > 0)
            .Select(t => "(" + string.Join(" <-> ", t.Tokens.Select((token, i) => token + (t.Term.IsPrefix && i == t.Tokens.Count - 1 ? ":*" : ""))) + ")"));

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            tokens.Add(sb.ToString());
        }

        return tokens;
    }
}

/// <summary>
/// Reads what a reader types into the search box: words are ANDed, <c>"quoted phrases"</c> match
/// as phrases, and the last word matches as a prefix ("obreg" finds "Obregón") unless the query ends
/// with a space or the word is quoted. Anything else (operators, <c>*</c>, <c>:</c>, parentheses,
/// an unbalanced quote) is just text. Never throws.
/// </summary>
public static class SearchText
{
    public const int MaxLength = 200;

    public const int MaxTerms = 12;

    /// <summary>A shorter last word is matched whole: a one-letter prefix matches half the index.</summary>
    public const int MinPrefixLength = 2;

    /// <summary>Private-use characters that mark the start and end of a match in highlighted text.</summary>
    public const char MarkStart = '\uE000';

    public const char MarkEnd = '\uE001';

    public static ParsedSearch Parse(string? input)
    {
        var text = Clean(input ?? "");
        bool shortened = false;
        if (text.Length > MaxLength)
        {
            // Cut without splitting a surrogate pair.
            int cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            text = text[..cut];
            shortened = true;
        }

        var terms = new List<(string Text, bool Phrase)>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"' && text.IndexOf('"', i + 1) is int close and > 0)
            {
                terms.Add((Normalize(text[(i + 1)..close]), true));
                i = close + 1;
            }
            else if (c == '"')
            {
                // An unbalanced quote is ignored: the words after it are ordinary words.
                i++;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                terms.Add((text[start..i], false));
            }
        }

        // A term of punctuation alone holds no token the index knows, so it cannot match anything.
        var kept = terms.Where(t => t.Text.Any(char.IsLetterOrDigit)).ToList();
        bool dropped = kept.Count > MaxTerms;
        if (dropped)
        {
            kept = kept[..MaxTerms];
        }

        bool endsInWord = !dropped && text.Length > 0 && !char.IsWhiteSpace(text[^1]) && text[^1] != '"';
        var result = kept.Select((t, n) => new SearchTerm(t.Text, t.Phrase,
            IsPrefix: n == kept.Count - 1 && !t.Phrase && endsInWord && t.Text.Count(char.IsLetterOrDigit) >= MinPrefixLength)).ToList();
        return new ParsedSearch(text.Trim(), result, shortened, dropped);
    }

    /// <summary>Control characters and the highlight markers become spaces.</summary>
    internal static string Clean(string text)
    {
        if (!text.Any(c => char.IsControl(c) || c is MarkStart or MarkEnd))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsControl(c) || c is MarkStart or MarkEnd ? ' ' : c);
        }

        return sb.ToString();
    }

    private static string Normalize(string phrase) =>
        string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
