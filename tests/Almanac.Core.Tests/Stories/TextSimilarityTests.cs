using Almanac.Core.Stories;

namespace Almanac.Core.Tests.Stories;

public class TextSimilarityTests
{
    [Fact]
    public void Words_AreFoldedAndLeaveOutStopWordsNumbersAndShortWords()
    {
        var words = TextSimilarity.Words("In 1924 ÁLVARO Obregón's Mexico and the USSR, of all places!").ToList();

        Assert.Equal(["alvaro", "obregon", "mexico", "ussr", "places"], words);
    }

    [Fact]
    public void Cosine_IsOneForTheSameDistinctiveWords_AndZeroForNoneShared()
    {
        var text = new TextSimilarity();
        text.Add(1, "telephone patent Bell");
        text.Add(2, "Bell telephone patent");
        text.Add(3, "penicillin mould laboratory");
        text.Add(4, "cathedral coronation crown");
        text.Build();

        Assert.Equal(1, text.Cosine(1, 2), 5);
        Assert.Equal(0, text.Cosine(1, 3));
        Assert.Equal(text.Cosine(2, 1), text.Cosine(1, 2));
    }

    [Fact]
    public void Cosine_WeighsRareWordsAboveCommonOnes()
    {
        var text = new TextSimilarity();
        text.Add(1, "treaty signed moscow");
        text.Add(2, "treaty signed paris");
        text.Add(3, "treaty moscow embassy");
        text.Add(4, "treaty harbour signed");
        text.Add(5, "voyage harbour cathedral");
        text.Add(6, "armistice railway voyage");
        text.Add(7, "library festival academy");
        text.Add(8, "canal lighthouse bridge");
        text.Build();

        // Story 1 shares "signed" (in three stories) with 2, and "moscow" (in two) with 3.
        Assert.True(text.Cosine(1, 3) > text.Cosine(1, 2));
    }

    [Fact]
    public void WordsInMoreThanHalfTheStories_AreLeftOutOfTheComparison()
    {
        var text = new TextSimilarity();
        text.Add(1, "empire");
        text.Add(2, "empire");
        text.Add(3, "empire");
        text.Add(4, "colony");
        text.Build();

        Assert.Empty(text.Similar(1));
    }
}
