namespace Almanac.Core.Sample;

/// <summary>A sample story as written in Sample/*.json.</summary>
public sealed record SampleStory(
    string Title,
    string Kind,
    string Date,
    bool Featured,
    string Summary,
    IReadOnlyList<string> Highlights,
    string Body,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Topics,
    IReadOnlyList<SampleSource> Sources);

public sealed record SampleSource(string Title, string? Url);

/// <summary>A topic as described in Sample/topics.json; dates as an editor writes them ("12 February 1809", "100 BC").</summary>
public sealed record SampleTopic(string Name, string Kind, string? Description, string? Born, string? Died);
