namespace Almanac.Core.Stories;

/// <summary>The fixed set of story kinds; each has the highlights label readers see.</summary>
public enum StoryKind
{
    Event = 0,
    Birth = 1,
    Death = 2,
    Observance = 3,
}

public static class StoryKinds
{
    public static IReadOnlyList<StoryKind> All { get; } = [StoryKind.Event, StoryKind.Birth, StoryKind.Death, StoryKind.Observance];

    public static string Label(this StoryKind kind) => kind switch
    {
        StoryKind.Birth => "Born on this day",
        StoryKind.Death => "Died on this day",
        StoryKind.Observance => "Observance",
        _ => "Historical event",
    };

    /// <summary>Heading of a group of stories of this kind on a day page.</summary>
    public static string GroupTitle(this StoryKind kind) => kind switch
    {
        StoryKind.Birth => "Births",
        StoryKind.Death => "Deaths",
        StoryKind.Observance => "Observances",
        _ => "Events",
    };

    public static string Slug(this StoryKind kind) => kind switch
    {
        StoryKind.Birth => "birth",
        StoryKind.Death => "death",
        StoryKind.Observance => "observance",
        _ => "event",
    };

    public static bool TryParse(string? slug, out StoryKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Slug(), slug, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
