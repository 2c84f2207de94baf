using Almanac.Core.Calendar;

namespace Almanac.Core.Topics;

/// <summary>A person's life dates in short, as readers expect them beside a name.</summary>
public static class LifeDates
{
    /// <summary>
    /// "1880–1928", "100–44 BC" (both BC: the era once), "c. 1341–c. 1323 BC", "c. 1451–1506",
    /// "born 1944", "died 1862"; null when neither date is known.
    /// </summary>
    public static string? Range(HistoricalDate? born, HistoricalDate? died) => (born, died) switch
    {
        ({ } b, { } d) when b.Year <= 0 && d.Year <= 0 => $"{Circa(b)}{1 - b.Year}–{Circa(d)}{1 - d.Year} BC",
        ({ } b, { } d) => $"{Circa(b)}{b.YearText}–{Circa(d)}{d.YearText}",
        ({ } b, null) => $"born {Circa(b)}{b.YearText}",
        (null, { } d) => $"died {Circa(d)}{d.YearText}",
        _ => null,
    };

    private static string Circa(HistoricalDate date) => date.Circa ? "c. " : "";
}
