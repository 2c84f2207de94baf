using System.Text.RegularExpressions;

namespace Almanac.Core.Media;

/// <summary>
/// Where image variants are kept: the database (shared by every node) or a folder (one machine).
/// Keys are made by <see cref="MediaLibrary"/>, never taken from an upload; each store refuses any
/// other shape of key, so no key can climb out of its folder.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores the bytes under the key, replacing what was there.</summary>
    Task PutAsync(string key, byte[] bytes, CancellationToken ct = default);

    /// <summary>The bytes under the key, or null when there are none.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct = default);

    /// <summary>Removes the key; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);
}

public static partial class MediaKeys
{
    public const int MaxLength = 200;

    /// <summary>A new random key for an upload's variants, e.g. "3f2a…9c" (32 hex digits).</summary>
    public static string NewStorageKey() => Guid.NewGuid().ToString("N");

    /// <summary>The key of one variant: "{storageKey}/{width}.{webp|jpg}".</summary>
    public static string Variant(string storageKey, int width, MediaFormat format) =>
        $"{storageKey}/{width.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{format.Extension()}";

    /// <summary>Lower-case letters, digits, '-', '_' and '.' in segments split by '/', each starting with a letter or digit (so never "..").</summary>
    public static bool IsValid(string key) => key.Length <= MaxLength && KeyPattern().IsMatch(key);

    internal static void EnsureValid(string key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException("A media key is made by the media library: lower-case letters, digits, '-', '_', '.' and '/'.", nameof(key));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
