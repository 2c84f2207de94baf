using Almanac.Core.Newsroom;

namespace Almanac.Core.Tests.Newsroom;

public class TextDiffTests
{
    [Fact]
    public void Lines_MarksAChangedLineAsRemovedThenAdded_AndKeepsTheOthers()
    {
        var diff = TextDiff.Lines("first\nsecond\nthird", "first\nsecond, revised\nthird");

        Assert.Equal(
            [
                new DiffLine(DiffLineKind.Same, "first"),
                new DiffLine(DiffLineKind.Removed, "second"),
                new DiffLine(DiffLineKind.Added, "second, revised"),
                new DiffLine(DiffLineKind.Same, "third"),
            ],
            diff);
    }

    [Fact]
    public void Lines_OfEqualTexts_HasNoChanges()
    {
        Assert.All(TextDiff.Lines("a\nb\nc", "a\nb\nc"), l => Assert.Equal(DiffLineKind.Same, l.Kind));
    }

    [Fact]
    public void Lines_FindsAnInsertedParagraphWithoutMarkingTheRestChanged()
    {
        var diff = TextDiff.Lines("one\ntwo\nthree", "one\nnew\ntwo\nthree");

        Assert.Equal([DiffLineKind.Same, DiffLineKind.Added, DiffLineKind.Same, DiffLineKind.Same], diff.Select(l => l.Kind));
        Assert.Equal("new", diff[1].Text);
    }

    [Fact]
    public void Lines_FromNothing_AddsEveryLine()
    {
        var diff = TextDiff.Lines("", "a\nb");

        Assert.Equal(["a", "b"], diff.Where(l => l.Kind == DiffLineKind.Added).Select(l => l.Text));
        Assert.DoesNotContain(diff, l => l.Kind == DiffLineKind.Removed && l.Text.Length > 0);
    }

    [Fact]
    public void Lines_IgnoresWindowsLineEndings()
    {
        Assert.All(TextDiff.Lines("a\r\nb", "a\nb"), l => Assert.Equal(DiffLineKind.Same, l.Kind));
    }
}
