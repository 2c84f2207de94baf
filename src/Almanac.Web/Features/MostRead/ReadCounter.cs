using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.MostRead;

public sealed class MostReadOptions
{
    public const string Section = "MostRead";

    /// <summary>How often counts are written to the database.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A client reopening the same story within this time is not counted again.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A client opening more stories than this in a minute is treated as a robot for that minute.</summary>
    public int MaxStoriesPerMinute { get; set; } = 20;
}

/// <summary>
/// Counts story reads without knowing readers. A client is a keyed hash (HMAC-SHA256) of its address
/// and user agent under a random key that lives only in memory and is replaced every UTC day, so the
/// hash cannot be joined across days nor reversed by anyone reading memory later; nothing about a
/// client is stored, only per-story, per-day totals. Accepted reads go into a bounded channel that
/// <see cref="ReadFlusher"/> writes in batches; when it is full, reads are dropped rather than the
/// request being made to wait.
/// </summary>
public sealed class ReadCounter(TimeProvider time, IOptions<MostReadOptions> options)
{
    private const int MaxClients = 200_000;

    private readonly Channel<(string Slug, DateOnly Day)> channel = Channel.CreateBounded<(string, DateOnly)>(
        new BoundedChannelOptions(50_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    // Hash of (client, story) → when it was last counted; hash of client → (minute, stories opened in it).
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Minute, int Count)> rate = new(StringComparer.Ordinal);
    private readonly Lock keyLock = new();
    private byte[] key = RandomNumberGenerator.GetBytes(32);
    private DateOnly keyDay;

    public ChannelReader<(string Slug, DateOnly Day)> Reads => channel.Reader;

    /// <summary>Counts a served story page if it looks like a first read by a person; true when counted.</summary>
    public bool TryCount(HttpContext http, string slug)
    {
        if (!ReaderFilter.IsLikelyReader(http.Request))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var dayKey = KeyFor(day);
        var client = Hash(dayKey, $"{http.Connection.RemoteIpAddress}\n{http.Request.Headers.UserAgent}");

        long minute = now.ToUnixTimeSeconds() / 60;
        var (_, opened) = rate.AddOrUpdate(client, (minute, 1), (_, r) => r.Minute == minute ? (minute, r.Count + 1) : (minute, 1));
        if (opened > options.Value.MaxStoriesPerMinute)
        {
            return false;
        }

        var read = Hash(dayKey, $"{client}\n{slug}");
        var window = options.Value.RepeatWindow;
        bool first = true;
        seen.AddOrUpdate(read, now, (_, last) =>
        {
            first = now - last >= window;
            return first ? now : last;
        });

        return first && channel.Writer.TryWrite((slug, day));
    }

    /// <summary>Forgets clients outside the repeat window; called by the flusher between batches.</summary>
    public void Forget()
    {
        var now = time.GetUtcNow();
        var window = options.Value.RepeatWindow;
        foreach (var (k, last) in seen)
        {
            if (now - last >= window)
            {
                seen.TryRemove(k, out _);
            }
        }

        long minute = now.ToUnixTimeSeconds() / 60;
        foreach (var (k, r) in rate)
        {
            if (r.Minute != minute)
            {
                rate.TryRemove(k, out _);
            }
        }

        // A flood of distinct clients must not grow memory without bound: start afresh.
        if (seen.Count > MaxClients)
        {
            seen.Clear();
        }
    }

    public void Complete() => channel.Writer.TryComplete();

    private byte[] KeyFor(DateOnly day)
    {
        lock (keyLock)
        {
            if (day != keyDay)
            {
                // A new day: a new key, and yesterday's hashes mean nothing any more.
                key = RandomNumberGenerator.GetBytes(32);
                keyDay = day;
                seen.Clear();
                rate.Clear();
            }

            return key;
        }
    }

    private static string Hash(byte[] key, string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}
