using System.Globalization;
using Almanac.Core.Calendar;

namespace Almanac.Web.Features.Months;

/// <summary>The month pages' addresses, and reading a month from one.</summary>
public static class MonthLinks
{
    public const string Index = "/month";

    public static string Month(int month) => $"/month/{CalendarDay.MonthSlug(month)}";

    public static int Previous(int month) => month == 1 ? 12 : month - 1;

    public static int Next(int month) => month == 12 ? 1 : month + 1;

    /// <summary>Reads "august" (canonical), "August", "8" or "08". Returns false for anything else.</summary>
    public static bool TryParse(string? text, out int month, out bool isCanonical)
    {
        month = 0;
        isCanonical = false;
        if (string.IsNullOrEmpty(text) || text.Length > 9)
        {
            return false;
        }

        if (text.Length <= 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            month = number;
        }
        else
        {
            month = Enumerable.Range(1, 12).FirstOrDefault(m => CalendarDay.MonthSlug(m).Equals(text, StringComparison.OrdinalIgnoreCase));
        }

        if (month is < 1 or > 12)
        {
            month = 0;
            return false;
        }

        isCanonical = string.Equals(text, CalendarDay.MonthSlug(month), StringComparison.Ordinal);
        return true;
    }
}
