using Almanac.Core.Calendar;
using Almanac.Core.Topics;

namespace Almanac.Core.Tests.Topics;

public class LifeDatesTests
{
    [Theory]
    [InlineData("19 February 1880", "17 July 1928", "1880–1928")]
    [InlineData("100 BC", "15 March 44 BC", "100–44 BC")]
    [InlineData("c. 1341 BC", "c. 1323 BC", "c. 1341–c. 1323 BC")]
    [InlineData("63 BC", "AD 14", "63 BC–AD 14")]
    [InlineData("c. 1451", "20 May 1506", "c. 1451–1506")]
    [InlineData("1944", null, "born 1944")]
    [InlineData(null, "1862", "died 1862")]
    [InlineData(null, null, null)]
    public void Range_WritesTheYearsOnce_WithTheEraWhereNeeded(string? born, string? died, string? expected)
    {
        HistoricalDate? Parse(string? text) => text is null ? null : HistoricalDateParser.Parse(text);

        Assert.Equal(expected, LifeDates.Range(Parse(born), Parse(died)));
    }
}
