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
        app.MapGet("/day", (int? month, int? day) =>
        {
            if (month is not (>= 1 and <= 12))
            {
                return Results.Redirect("/");
            }

            int d = Math.Clamp(day ?? 1, 1, CalendarMath.DaysInMonth(2000, month.Value, CalendarSystem.Gregorian));
            return Results.Redirect(SiteLinks.Day(new CalendarDay(month.Value, d)));
        });
        return app;
    }
}
