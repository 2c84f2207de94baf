namespace Almanac.Core.Media;

/// <summary>
/// Variants as files under one folder (<c>Media:Path</c>), for a site on one machine. A file is
/// written under a temporary name and moved into place, so a reader never sees half of one and a
/// failed write (a full disk) leaves nothing behind.
/// </summary>
public sealed class FileSystemMediaStore : IMediaStore
{
    private readonly string root;

    public FileSystemMediaStore(string path)
    {
        root = Path.GetFullPath(path);
        Directory.CreateDirectory(root);
    }

    public async Task PutAsync(string key, byte[] bytes, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct = default)
    {
        if (!MediaKeys.IsValid(key))
        {
            return null;
        }

        try
        {
            return await File.ReadAllBytesAsync(PathOf(key), ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        MediaKeys.EnsureValid(key);
        var path = Path.GetFullPath(Path.Combine(root, key));

        // The key pattern already rules out ".." and rooted keys; this says so a second time.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The media key leads outside the media folder.", nameof(key));
        }

        return path;
    }
}
