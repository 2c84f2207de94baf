using Almanac.Core.Calendar;

namespace Almanac.Core.Search;

/// <summary>Reads a year as readers type it into a search filter: "1924", "44 BC", "44-bc", "AD 79".</summary>
public static class SearchYear
{
    /// <returns>True with <paramref name="astronomicalYear"/> set (44 BC is -43); false with a sentence for the reader.</returns>
    public static bool TryParse(string? text, out int astronomicalYear, out string error)
    {
        error = "";
        var s = (text ?? "").Trim();
        if (HistoricalDate.TryParseYearSlug(s, out astronomicalYear) && astronomicalYear is >= -9999 and <= 9999)
        {
            return true;
        }

        if (HistoricalDateParser.TryParse(s, out var date, out _))
        {
            astronomicalYear = date.Year;
            return true;
        }

        astronomicalYear = 0;
        error = $"\"{(s.Length > 20 ? s[..20] + "…" : s)}\" is not a year. Write it like 1924, 44 BC or AD 79.";
        return false;
    }
}
