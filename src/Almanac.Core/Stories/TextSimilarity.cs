using System.Globalization;
using System.Text;

namespace Almanac.Core.Stories;

/// <summary>
/// TF-IDF vectors of story texts and their cosine similarity, for related stories. Words are folded
/// (lower case, accents off: "Obregón" is "obregon"), English stop words, numbers and words under three
/// letters are left out. A term's weight is (1 + ln tf) · ln((1 + N) / (1 + df)), and each vector has
/// length 1, so the dot product of two vectors is their cosine.
/// <para>
/// Only distinctive terms take part in the comparison: those in at most <see cref="MaxPostings"/>
/// stories and in at most half of them (or two, in a tiny collection). Common words weigh little anyway, and leaving them out lets
/// <see cref="Similar"/> walk short posting lists instead of comparing every pair of stories.
/// </para>
/// </summary>
public sealed class TextSimilarity
{
    public const int MaxPostings = 1000;

    private readonly Dictionary<string, int> termIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (int[] Terms, int[] Counts)> counts = [];
    private readonly Dictionary<int, (int[] Terms, float[] Weights)> vectors = [];
    private List<(int Story, float Weight)>[] postings = [];

    /// <summary>Adds a story's text (title, summary, body…); a story added twice keeps the last text.</summary>
    public void Add(int storyId, string text)
    {
        var tf = new Dictionary<int, int>();
        foreach (var word in Words(text))
        {
            if (!termIds.TryGetValue(word, out int id))
            {
                termIds[word] = id = termIds.Count;
            }

            tf[id] = tf.GetValueOrDefault(id) + 1;
        }

        var terms = tf.Keys.Order().ToArray();
        counts[storyId] = (terms, [.. terms.Select(t => tf[t])]);
    }

    /// <summary>Weighs every story's terms against the whole collection; call once after the last <see cref="Add"/>.</summary>
    public TextSimilarity Build()
    {
        var df = new int[termIds.Count];
        foreach (var (terms, _) in counts.Values)
        {
            foreach (var t in terms)
            {
                df[t]++;
            }
        }

        int n = counts.Count;
        int limit = Math.Min(MaxPostings, Math.Max(2, n / 2));
        postings = new List<(int, float)>[termIds.Count];
        // Story ids in order, so posting lists (and every sum over them) come out the same on every run.
        foreach (var id in counts.Keys.Order())
        {
            var (terms, tfs) = counts[id];
            var weights = new float[terms.Length];
            double norm = 0;
            for (int i = 0; i < terms.Length; i++)
            {
                double w = (1 + Math.Log(tfs[i])) * Math.Log((1.0 + n) / (1.0 + df[terms[i]]));
                weights[i] = (float)w;
                norm += w * w;
            }

            norm = Math.Sqrt(norm);
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = norm > 0 ? (float)(weights[i] / norm) : 0;
                if (df[terms[i]] <= limit && weights[i] > 0)
                {
                    (postings[terms[i]] ??= []).Add((id, weights[i]));
                }
            }

            vectors[id] = (terms, weights);
        }

        counts.Clear();
        return this;
    }

    /// <summary>The cosine of two stories over their distinctive terms, 0 to 1.</summary>
    public double Cosine(int a, int b) =>
        Similar(a).GetValueOrDefault(b);

    /// <summary>Every story sharing a distinctive term with the given one, with its cosine; never the story itself.</summary>
    public Dictionary<int, double> Similar(int storyId)
    {
        var result = new Dictionary<int, double>();
        if (!vectors.TryGetValue(storyId, out var v))
        {
            return result;
        }

        for (int i = 0; i < v.Terms.Length; i++)
        {
            if (postings[v.Terms[i]] is not { } list)
            {
                continue;
            }

            foreach (var (other, weight) in list)
            {
                if (other != storyId)
                {
                    result[other] = result.GetValueOrDefault(other) + ((double)v.Weights[i] * weight);
                }
            }
        }

        return result;
    }

    /// <summary>The words of a text as compared: folded, without stop words, numbers or very short words.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // Accents (marks after FormD) vanish; anything else ends the word, so the "s" of
                // "Obregón's" falls away as too short and the name matches "Obregon".
                if (Keep(word))
                {
                    yield return word.ToString();
                }

                word.Clear();
            }
        }

        if (Keep(word))
        {
            yield return word.ToString();
        }
    }

    private static bool Keep(StringBuilder word) =>
        word.Length >= 3 && !IsNumber(word) && !StopWords.Contains(word.ToString());

    private static bool IsNumber(StringBuilder word)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if (!char.IsDigit(word[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Function words of English and a few words every story uses; no meaning of their own here.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "after", "again", "against", "all", "also", "among", "and", "any", "are", "around", "because",
        "been", "before", "being", "between", "both", "but", "came", "can", "could", "did", "does", "down",
        "during", "each", "even", "ever", "every", "few", "first", "for", "from", "had", "has", "have", "her",
        "hers", "him", "his", "how", "into", "its", "just", "last", "later", "less", "made", "many", "more",
        "most", "much", "must", "new", "next", "nor", "not", "now", "off", "old", "once", "one", "only", "onto",
        "other", "our", "out", "over", "own", "same", "she", "should", "since", "some", "still", "such", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "though", "through",
        "till", "too", "two", "under", "until", "upon", "very", "was", "were", "what", "when", "where", "which",
        "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "year", "years",
        "yet", "you", "your", "day", "days", "took", "way", "became", "become", "three", "may", "well",
    };
}
