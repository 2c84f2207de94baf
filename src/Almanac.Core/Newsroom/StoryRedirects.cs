using Almanac.Core.Data;
using Almanac.Core.Redirects;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Newsroom;

/// <summary>Keeps the old address of a published story answering 301 after its slug changes.</summary>
public static class StoryRedirects
{
    public const string Source = "newsroom";

    /// <summary>
    /// Adds "old → new" (changes are tracked, not saved). Redirects that led to the old address now
    /// lead straight to the new one, so there are no chains; a redirect away from the new address is
    /// removed, since that address is a page again (renaming A → B → A would loop otherwise).
    /// </summary>
    public static async Task MoveAsync(AlmanacDbContext db, string oldSlug, string newSlug, DateTime nowUtc, CancellationToken ct)
    {
        var from = Redirect.ToStory(oldSlug);
        var to = Redirect.ToStory(newSlug);
        if (from == to)
        {
            return;
        }

        var rows = await db.Redirects.Where(r => r.FromPath == to || r.FromPath == from || r.ToPath == from).ToListAsync(ct);
        foreach (var row in rows)
        {
            if (row.FromPath == to)
            {
                db.Redirects.Remove(row);
            }
            else if (row.ToPath == from)
            {
                row.ToPath = to;
            }
        }

        if (rows.FirstOrDefault(r => r.FromPath == from) is { } existing)
        {
            existing.ToPath = to;
        }
        else
        {
            db.Redirects.Add(new Redirect { FromPath = from, ToPath = to, Source = Source, CreatedAtUtc = nowUtc });
        }
    }
}
