namespace Almanac.Core.Stories;

/// <summary>
/// Which of a day's stories leads: the editor's choice; without one, the day's most recent event;
/// without events, the day's most recent story (ties by id). Day pages, month pages and the
/// compatibility APIs all choose by this one rule. The other stories follow in the editor's order
/// (<see cref="Story.DayPosition"/>) where one was set, then by year.
/// </summary>
public static class StoryOfTheDay
{
    public static T? Choose<T>(IEnumerable<T> stories, Func<T, bool> isFeatured, Func<T, StoryKind> kind, Func<T, int> year, Func<T, int> id)
        where T : class
    {
        var all = stories as IReadOnlyCollection<T> ?? [.. stories];
        return all.FirstOrDefault(isFeatured)
            ?? all.Where(s => kind(s) == StoryKind.Event).OrderByDescending(year).ThenBy(id).FirstOrDefault()
            ?? all.OrderByDescending(year).ThenBy(id).FirstOrDefault();
    }
}
