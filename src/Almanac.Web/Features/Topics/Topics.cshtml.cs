using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Almanac.Web.Features.Shared;
using Almanac.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Topics;

/// <summary>Every person, place and theme with a story, A to Z: <c>/topics</c>.</summary>
[OutputCache(PolicyName = PageCaching.Public)]
[ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
public sealed class TopicsModel(AlmanacDbContext db, SiteClock clock, SiteLinks links, IOptionsMonitor<SiteOptions> site) : PageModel
{
    public const string Path = "/topics";

    public IReadOnlyList<TopicGroup> Groups { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // One query: each topic with the number of its published stories; topics without any are left out.
        var now = clock.UtcNow;
        var rows = await db.Topics.AsNoTracking()
            .Select(t => new
            {
                t.Slug,
                t.Name,
                t.Kind,
                Count = db.StoryTopics.Count(j => j.TopicId == t.Id && db.Stories.Any(s => s.Id == j.StoryId && s.Status == StoryStatus.Published && s.PublishedAtUtc <= now)),
            })
            .Where(t => t.Count > 0)
            .ToListAsync(ct);

        var culture = site.CurrentValue.CultureInfo;
        var order = StringComparer.Create(culture, CompareOptions.IgnoreCase);
        Groups = [.. rows
            .Select(r => new TopicEntry(r.Slug, r.Name, r.Kind, r.Count))
            .GroupBy(t => Letter(t.Name))
            .OrderBy(g => g.Key == "#" ? 1 : 0).ThenBy(g => g.Key, order)
            .Select(g => new TopicGroup(g.Key, [.. g.OrderBy(t => t.Name, order)]))];
        Total = rows.Count;
        CacheTags.Add(HttpContext, [CacheTags.TopicIndex]);

        var items = new JsonArray([.. Groups.SelectMany(g => g.Topics).Select((t, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["url"] = links.Absolute(Request, SiteLinks.Topic(t.Slug)),
            ["name"] = t.Name,
        })]);
        const string title = "Topics A to Z";
        var description = $"The {Total} people, places and themes of {site.CurrentValue.Name}, each with its stories in time order.";
        ViewData["Meta"] = new PageMeta
        {
            Title = title,
            Description = description,
            CanonicalPath = Path,
            JsonLd = new JsonObject
            {
                ["@type"] = "ItemList",
                ["name"] = title,
                ["description"] = description,
                ["numberOfItems"] = items.Count,
                ["itemListElement"] = items,
            },
            Breadcrumbs = [new Crumb("Topics", Path)],
        };
    }

    /// <summary>The index letter of a name: its first letter without accents ("Álvaro" under A), "#" for digits and signs.</summary>
    internal static string Letter(string name)
    {
        var first = name.TrimStart().Normalize(NormalizationForm.FormD).FirstOrDefault(char.IsLetterOrDigit);
        return char.IsLetter(first) ? char.ToUpperInvariant(first).ToString() : "#";
    }
}

public sealed record TopicEntry(string Slug, string Name, TopicKind Kind, int Count);

public sealed record TopicGroup(string Letter, IReadOnlyList<TopicEntry> Topics)
{
    public string Anchor => Letter == "#" ? "other" : $"letter-{Letter.ToLowerInvariant()}";
}
