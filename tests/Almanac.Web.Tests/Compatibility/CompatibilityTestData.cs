using System.Net;
using System.Text.Json;
using Almanac.Core.Calendar;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Compatibility;

/// <summary>Stories the compatibility tests add, and the JSON checks they share.</summary>
internal static class CompatibilityTestData
{
    /// <summary>
    /// Adds a published story unless its slug exists already (tests of one class run one after
    /// another and share the class's database, so a second call is a no-op).
    /// </summary>
    public static async Task<int> AddStoryAsync(AlmanacApp app, string title, StoryKind kind, HistoricalDate date, string summary = "A story added by a compatibility test.")
    {
        var slug = Slugs.ForStory(date.Year, title);
        await using var scope = app.OpenDb();
        var existing = await scope.Db.Stories.Where(s => s.Slug == slug).Select(s => (int?)s.Id).FirstOrDefaultAsync(TestContext.Current.CancellationToken);
        if (existing is { } id)
        {
            return id;
        }

        var now = app.Time.GetUtcNow().UtcDateTime;
        var story = new Story
        {
            Slug = slug,
            Title = title,
            Kind = kind,
            Date = date,
            Summary = summary,
            Status = StoryStatus.Published,
            PublishedAtUtc = now.AddDays(-1),
            UpdatedAtUtc = now,
        };
        story.SetBody("Added by a test.");
        scope.Db.Stories.Add(story);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return story.Id;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
    }

    /// <summary>The object has exactly these properties, each of the given JSON kind.</summary>
    public static void AssertProperties(JsonElement element, params (string Name, JsonValueKind Kind)[] expected)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        Assert.Equal(expected.Select(e => e.Name).Order(StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (name, kind) in expected)
        {
            Assert.True(element.GetProperty(name).ValueKind == kind, $"\"{name}\" is {element.GetProperty(name).ValueKind}, expected {kind}");
        }
    }

    /// <summary>An error as problem+json with the given status.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
