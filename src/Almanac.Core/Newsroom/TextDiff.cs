using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Almanac.Core.Newsroom;

public enum DiffLineKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>A line-by-line diff of two texts (DiffPlex), for the revision page.</summary>
public static class TextDiff
{
    /// <summary>Every line of both texts in order: unchanged, removed from <paramref name="before"/>, or added in <paramref name="after"/>.</summary>
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        // Line endings from a browser's textarea are CRLF; a change of ending alone is not a change.
        var model = InlineDiffBuilder.Diff(Normalize(before), Normalize(after), ignoreWhiteSpace: false, ignoreCase: false);
        var lines = new List<DiffLine>(model.Lines.Count);
        foreach (var line in model.Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Deleted:
                    lines.Add(new(DiffLineKind.Removed, line.Text));
                    break;
                case ChangeType.Inserted:
                    lines.Add(new(DiffLineKind.Added, line.Text));
                    break;
                case ChangeType.Unchanged:
                    lines.Add(new(DiffLineKind.Same, line.Text));
                    break;
            }
        }

        return lines;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
