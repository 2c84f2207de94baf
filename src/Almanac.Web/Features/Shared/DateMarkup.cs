using System.Globalization;
using System.Text.Encodings.Web;
using Almanac.Core.Calendar;
using Microsoft.AspNetCore.Html;

namespace Almanac.Web.Features.Shared;

public static class DateMarkup
{
    /// <summary>
    /// A historical date for readers, inside <c>&lt;time datetime&gt;</c> where HTML can express it
    /// (AD years); BC dates are plain text, as HTML has no way to mark them up.
    /// </summary>
    public static IHtmlContent Time(HistoricalDate date, CultureInfo culture)
    {
        var text = HtmlEncoder.Default.Encode(date.ToDisplayString(culture));
        return new HtmlString(date.MachineReadable is { } iso
            ? $"<time datetime=\"{iso}\">{text}</time>"
            : $"<span class=\"date\">{text}</span>");
    }
}
