using System.Globalization;
using System.Net;
using Almanac.Core.Stories;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Web.Tests.Newsroom;

/// <summary>The site with its clock in Berlin (UTC+2 in August), so scheduling shows the zone conversion.</summary>
public sealed class NewsroomApp : AlmanacApp
{
    public const string Zone = "Europe/Berlin";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Site:TimeZone", Zone)];
}

/// <summary>Writes stories through the editor's real form, as a browser would.</summary>
internal static class StoryForms
{
    public const string Form = "form.story-form";

    /// <summary>The fields of a complete, valid story; a test overrides what it is about.</summary>
    public static List<KeyValuePair<string, string>> Fields(string title, params (string Name, string Value)[] overrides)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", title),
            new("Input.Kind", "event"),
            new("Input.Date", "4 August 1924"),
            new("Input.Summary", "A summary written for the test."),
            new("Input.Highlights", "First highlight\nSecond highlight"),
            new("Input.Body", "The body of the story.\n\nA second paragraph."),
            new("Input.Topics", "Test Topic"),
            new("Input.Sources[0].Title", "A source"),
            new("Input.Sources[0].Url", "https://example.org/source"),
            new("act", "save"),
        };
        foreach (var (name, value) in overrides)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return fields;
    }

    /// <summary>Posts the form of <paramref name="pagePath"/> (the new-story page by default).</summary>
    public static Task<HttpResponseMessage> PostStoryAsync(this HttpClient client, List<KeyValuePair<string, string>> fields, string pagePath = "/admin/stories/new") =>
        client.PostFormAsync(pagePath, Form, fields);

    /// <summary>Writes a story and returns its id, from the redirect to its editor page.</summary>
    public static async Task<int> WriteStoryAsync(this HttpClient client, string title, params (string Name, string Value)[] overrides)
    {
        var response = await client.PostStoryAsync(Fields(title, overrides));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/stories/[0-9]+$", location);
        return int.Parse(location["/admin/stories/".Length..], CultureInfo.InvariantCulture);
    }

    public static async Task<Story> StoryAsync(this AlmanacApp app, int id)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.Stories.AsNoTracking().Include(s => s.Topics).Include(s => s.Sources).AsSplitQuery().SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
    }

    public static async Task<List<string>> AuditActionsAsync(this AlmanacApp app, int storyId)
    {
        await using var scope = app.OpenDb();
        var subject = $"story:{storyId}";
        return await scope.Db.AuditEntries.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
    }
}
