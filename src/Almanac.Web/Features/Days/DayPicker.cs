using System.Globalization;
using Almanac.Core.Calendar;
using Almanac.Web.Hosting;

namespace Almanac.Web.Features.Days;

public static class DayPicker
{
    /// <summary>
    /// The month picker is a plain GET form (<c>/day?month=8&amp;day=4</c>) that works without JavaScript;
    /// this turns its answer into the day's canonical address. A day past the month's end (31 February)
    /// goes to the month's last day.
    /// </summary>
    public static IEndpointRouteBuilder MapDayPicker(this IEndpointRouteBuilder app)
    {
        // Strings, not ints: a hand-edited query ("month=x") goes home instead of failing binding.
        app.MapGet("/day", (string? month, string? day) =>
        {
            if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m is < 1 or > 12)
            {
                return Results.Redirect("/");
            }

            int d = int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 1;
            d = Math.Clamp(d, 1, CalendarMath.DaysInMonth(2000, m, CalendarSystem.Gregorian));
            return Results.Redirect(SiteLinks.Day(new CalendarDay(m, d)));
        });
        return app;
    }
}
