using Almanac.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Almanac.Core.Media;

/// <summary>
/// The newsroom's images: an upload is checked (its details and its file), processed into variants,
/// stored under a key of our own, and recorded as a <see cref="MediaItem"/>; the library lists and
/// finds them again by alt text, credit or file name.
/// </summary>
public sealed class MediaLibrary(AlmanacDbContext db, IMediaStore store, TimeProvider time, IOptions<MediaOptions> options)
{
    public const int MaxAltTextLength = 500;

    public const int MaxCreditTextLength = 500;

    public const int MaxCreditUrlLength = 2000;

    public const int MaxLicenceLength = 200;

    public const int MaxFileNameLength = 255;

    public const int PageSize = 24;

    /// <summary>The names of the fields a problem can belong to.</summary>
    public static class Fields
    {
        public const string File = "File";
        public const string AltText = "AltText";
        public const string CreditText = "CreditText";
        public const string CreditUrl = "CreditUrl";
        public const string Licence = "Licence";
    }

    /// <summary>
    /// Checks and stores an upload. Every problem found is returned (the details and the file are
    /// checked together, so the editor fixes everything in one go); nothing is stored unless there are none.
    /// </summary>
    public async Task<MediaUpload> UploadAsync(
        Stream content, string? originalFileName, string? altText, string? creditText, string? creditUrl, string? licence, CancellationToken ct = default)
    {
        var problems = new List<MediaProblem>();
        var alt = Clean(altText);
        var credit = Clean(creditText);
        var link = Clean(creditUrl);
        var licenceText = Clean(licence);
        if (alt.Length == 0)
        {
            problems.Add(new(Fields.AltText, "Describe the image for readers who cannot see it."));
        }
        else if (alt.Length > MaxAltTextLength)
        {
            problems.Add(new(Fields.AltText, $"Keep the alt text to {MaxAltTextLength} characters."));
        }

        if (credit.Length > MaxCreditTextLength)
        {
            problems.Add(new(Fields.CreditText, $"Keep the credit to {MaxCreditTextLength} characters."));
        }

        if (link.Length > 0 && !IsWebAddress(link))
        {
            problems.Add(new(Fields.CreditUrl, "The credit link must be a web address starting with https:// or http://."));
        }

        if (licenceText.Length > MaxLicenceLength)
        {
            problems.Add(new(Fields.Licence, $"Keep the licence to {MaxLicenceLength} characters."));
        }

        var processing = await ImageProcessor.ProcessAsync(content, options.Value, ct);
        if (processing.Rejection is { } rejection)
        {
            problems.Add(new(Fields.File, rejection.Message));
        }

        if (problems.Count > 0 || processing.Image is not { } image)
        {
            return new MediaUpload(null, problems);
        }

        var storageKey = MediaKeys.NewStorageKey();
        var stored = new List<string>();
        try
        {
            foreach (var variant in image.Variants)
            {
                var key = MediaKeys.Variant(storageKey, variant.Width, variant.Format);
                await store.PutAsync(key, variant.Bytes, ct);
                stored.Add(key);
            }

            var item = new MediaItem
            {
                StorageKey = storageKey,
                ContentType = image.SourceContentType,
                Width = image.Width,
                Height = image.Height,
                VariantWidths = [.. image.VariantWidths],
                OriginalFileName = FileName(originalFileName),
                ByteSize = image.SourceBytes,
                AltText = alt,
                CreditText = credit,
                CreditUrl = link.Length > 0 ? link : null,
                Licence = licenceText.Length > 0 ? licenceText : null,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.Media.Add(item);
            await db.SaveChangesAsync(ct);
            return new MediaUpload(item, []);
        }
        catch
        {
            // Leave no variants without a record (a full disk, a lost database connection).
            foreach (var key in stored)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>One page of the library, newest first, narrowed to images whose alt text, credit or file name contain the search.</summary>
    public async Task<MediaListing> ListAsync(string? search, int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        var term = Clean(search);
        if (term.Length > 200)
        {
            term = term[..200];
        }

        var query = db.Media.AsNoTracking();
        if (term.Length > 0)
        {
            // Lower-cased on both sides, so the search ignores case on SQLite and PostgreSQL alike. The
            // ToLower() calls run in the database as SQL lower(), where no .NET culture applies.
            var lower = term.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL, see above
            query = query.Where(m => m.AltText.ToLower().Contains(lower)
                || m.CreditText.ToLower().Contains(lower)
                || m.OriginalFileName.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }

        int total = await query.CountAsync(ct);
        int pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new MediaListing(term, items, total, page, pageCount);
    }

    public Task<MediaItem?> GetAsync(int id, CancellationToken ct = default) =>
        db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>True for an absolute http or https address (the only links a credit may carry).</summary>
    public static bool IsWebAddress(string text) =>
        text.Length <= MaxCreditUrlLength
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    /// <summary>The last part of the name the browser sent (some send a whole path), without control characters.</summary>
    private static string FileName(string? name)
    {
        var clean = Clean(name?.Replace('\\', '/'));
        clean = clean[(clean.LastIndexOf('/') + 1)..];
        return clean.Length > MaxFileNameLength ? clean[..MaxFileNameLength] : clean;
    }

    // Control characters (U+0000 among them, which PostgreSQL refuses) have no place in these fields.
    private static string Clean(string? text) =>
        text is null ? "" : string.Concat(text.Where(c => !char.IsControl(c))).Trim();
}

/// <summary>The outcome of an upload: the stored item, or the problems, each tied to its form field.</summary>
public sealed record MediaUpload(MediaItem? Item, IReadOnlyList<MediaProblem> Problems)
{
    public bool Succeeded => Item is not null;
}

public sealed record MediaProblem(string Field, string Message);

public sealed record MediaListing(string Search, IReadOnlyList<MediaItem> Items, int Total, int Page, int PageCount);
