using Almanac.Core.Calendar;
using Almanac.Core.Data;
using Almanac.Core.Media;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Topics;

/// <summary>What a topic page and the topic API show of a topic, above its stories.</summary>
public sealed record TopicPage(int Id, string Slug, string Name, TopicKind Kind, string Description, HistoricalDate? Born, HistoricalDate? Died, MediaItem? Image)
{
    /// <summary>"1880–1928" for people with known dates, else null.</summary>
    public string? LifeDates => Kind == TopicKind.Person ? Topics.LifeDates.Range(Born, Died) : null;

    public static async Task<TopicPage?> LoadAsync(AlmanacDbContext db, string slug, CancellationToken ct)
    {
        var topic = await db.Topics.AsNoTracking().Include(t => t.Image).FirstOrDefaultAsync(t => t.Slug == slug, ct);
        return topic is null ? null : new TopicPage(topic.Id, topic.Slug, topic.Name, topic.Kind, topic.Description, topic.Born, topic.Died, topic.Image);
    }
}
