namespace Almanac.Core.Topics;

/// <summary>What a topic is. Theme is the default, so topics made before kinds existed stay valid.</summary>
public enum TopicKind
{
    Theme = 0,
    Person = 1,
    Place = 2,
    Organisation = 3,
}

public static class TopicKinds
{
    public static IReadOnlyList<TopicKind> All { get; } = [TopicKind.Person, TopicKind.Place, TopicKind.Theme, TopicKind.Organisation];

    /// <summary>"person", "place", "theme", "organisation": the API's and the sample files' word.</summary>
    public static string Slug(this TopicKind kind) => kind switch
    {
        TopicKind.Person => "person",
        TopicKind.Place => "place",
        TopicKind.Organisation => "organisation",
        _ => "theme",
    };

    /// <summary>The word readers see above a topic's name.</summary>
    public static string Label(this TopicKind kind) => kind switch
    {
        TopicKind.Person => "Person",
        TopicKind.Place => "Place",
        TopicKind.Organisation => "Organisation",
        _ => "Theme",
    };

    public static bool TryParse(string? slug, out TopicKind kind)
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
