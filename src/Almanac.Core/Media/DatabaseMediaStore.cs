using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Media;

/// <summary>
/// Variants as rows of the <c>MediaBlobs</c> table: the default, and the store for several nodes, which
/// then share images the way they share stories (and a backup of the database holds them too).
/// </summary>
public sealed class DatabaseMediaStore(AlmanacDbContext db, TimeProvider time) : IMediaStore
{
    public async Task PutAsync(string key, byte[] bytes, CancellationToken ct = default)
    {
        MediaKeys.EnsureValid(key);
        await db.MediaBlobs.Where(b => b.Key == key).ExecuteDeleteAsync(ct);
        var blob = new MediaBlob { Key = key, Bytes = bytes, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        db.MediaBlobs.Add(blob);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            // The bytes are written; the context (shared by the request) need not hold on to them.
            db.Entry(blob).State = EntityState.Detached;
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct = default) =>
        MediaKeys.IsValid(key)
            ? await db.MediaBlobs.AsNoTracking().Where(b => b.Key == key).Select(b => b.Bytes).FirstOrDefaultAsync(ct)
            : null;

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        MediaKeys.EnsureValid(key);
        await db.MediaBlobs.Where(b => b.Key == key).ExecuteDeleteAsync(ct);
    }
}
