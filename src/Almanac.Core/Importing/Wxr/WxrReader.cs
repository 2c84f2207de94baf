using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Almanac.Core.Calendar;
using Almanac.Core.Comments;
using Almanac.Core.Stories;
using SkiaSharp;

namespace Almanac.Core.Importing.Wxr;

/// <summary>
/// WordPress's export (WXR 1.1 and 1.2). The file is streamed with an <see cref="XmlReader"/> and
/// only one &lt;item&gt; is held at a time, so memory does not grow with the file. It is read twice:
/// first the attachments (so a post's featured image exists when the post arrives, wherever it sits
/// in the file), then terms, authors and posts. DTDs are refused outright: WordPress never writes
/// one, and refusing it rules out external entities (XXE) and entity expansion (billion laughs).
/// </summary>
public sealed class WxrReader(string path, string? uploadsFolder, bool includePages) : IImportReader
{
    private Stream? stream;
    private int pass;
    private string source = "wxr";

    public string Source => source;

    /// <summary>The uploads folder given, if any.</summary>
    public string? Uploads => uploadsFolder;

    public double Progress => stream is { Length: > 0 } s ? ((pass - 1) + ((double)s.Position / s.Length)) / 2 : 0;

    /// <summary>Posts imported with only the year of their title: no day in the text agreed with it.</summary>
    public List<string> YearOnlyPosts { get; } = [];

    /// <summary>Posts skipped because no date could be read at all.</summary>
    public List<string> UndatedPosts { get; } = [];

    /// <summary>Comments handed to the importer (its report says how many were created).</summary>
    public int CommentsRead { get; private set; }

    /// <summary>Comments in WordPress's trash, left out.</summary>
    public int CommentsTrashed { get; private set; }

    /// <summary>Pingbacks and trackbacks, kept as JSON on their import records.</summary>
    public int PingbacksKept { get; private set; }

    /// <summary>Attachments whose file was looked for in the uploads folder and not found.</summary>
    public List<string> MissingUploads { get; } = [];

    public async IAsyncEnumerable<ImportEntry> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        pass = 1;
        await foreach (var entry in PassAsync(attachments: true, ct))
        {
            yield return entry;
        }

        pass = 2;
        await foreach (var entry in PassAsync(attachments: false, ct))
        {
            yield return entry;
        }
    }

    public static XmlReaderSettings Safe { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        Async = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private async IAsyncEnumerable<ImportEntry> PassAsync(bool attachments, [EnumeratorCancellation] CancellationToken ct)
    {
        var name = System.IO.Path.GetFileName(path);
        var authors = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var file = File.OpenRead(path);
        stream = file;
        using var xml = XmlReader.Create(file, Safe);
        var lines = (IXmlLineInfo)xml;
        bool positioned = false;
        while (true)
        {
            bool more;
            try
            {
                // Reading an element whole leaves the reader on the node after it already.
                more = positioned ? !xml.EOF : await xml.ReadAsync();
                positioned = false;
            }
            catch (XmlException e)
            {
                throw Refused(name, e);
            }

            if (!more)
            {
                break;
            }

            if (xml.NodeType != XmlNodeType.Element || xml.Depth != 2)
            {
                continue;
            }

            var location = $"{name}:{lines.LineNumber}";
            XElement element;
            try
            {
                element = (XElement)await XNode.ReadFromAsync(xml, ct);
                positioned = true;
            }
            catch (XmlException e)
            {
                throw Refused(name, e);
            }

            switch (element.Name.LocalName)
            {
                case "base_site_url" when attachments:
                    source = "wxr:" + (Uri.TryCreate(element.Value.Trim(), UriKind.Absolute, out var site) ? site.Host : element.Value.Trim());
                    if (source.Length > ImportedRecord.MaxSourceLength)
                    {
                        source = source[..ImportedRecord.MaxSourceLength];
                    }

                    break;
                case "author" when !attachments:
                    var login = Child(element, "author_login");
                    var shown = Child(element, "author_display_name") is { Length: > 0 } display ? WebName(display) : login;
                    authors[login] = shown;
                    if (login.Length > 0)
                    {
                        yield return new AuthorEntry(location, ImportKeys.Fit("author:" + login), new ImportedAuthor(login, Child(element, "author_email") is { Length: > 0 } mail ? mail : null, shown));
                    }

                    break;
                case "category" when !attachments:
                    foreach (var entry in Term(element, location, isTopic: false))
                    {
                        yield return entry;
                    }

                    break;
                case "tag" when !attachments:
                    foreach (var entry in Term(element, location, isTopic: true))
                    {
                        yield return entry;
                    }

                    break;
                case "item":
                    var type = Child(element, "post_type");
                    if (attachments && type == "attachment")
                    {
                        foreach (var entry in Attachment(element, location))
                        {
                            yield return entry;
                        }
                    }
                    else if (!attachments && (type == "post" || (type == "page" && includePages)))
                    {
                        foreach (var entry in Post(element, location, authors))
                        {
                            yield return entry;
                        }
                    }

                    break;
            }
        }
    }

    private static InvalidDataException Refused(string name, XmlException e) =>
        e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? new InvalidDataException($"{name} declares a DTD (<!DOCTYPE …>). WordPress exports never do, and a DTD can pull in other files or expand entities without end, so the file is refused and nothing in it was read.")
            : new InvalidDataException($"{name} is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}");

    private static IEnumerable<ImportEntry> Term(XElement e, string location, bool isTopic)
    {
        var slug = Child(e, isTopic ? "tag_slug" : "category_nicename");
        var name = Child(e, isTopic ? "tag_name" : "cat_name");
        if (name.Length == 0)
        {
            yield return new ProblemEntry(location, $"a {(isTopic ? "tag" : "category")} without a name.");
            yield break;
        }

        var tag = new ImportedTag(WebName(name), null, Child(e, isTopic ? "tag_description" : "category_description"));
        yield return new TagEntry(location, tag, isTopic);
        if (slug.Length > 0)
        {
            yield return new RedirectEntry(location, $"/{(isTopic ? "tag" : "category")}/{slug}/", $"/{(isTopic ? "topic" : "category")}/{tag.SlugOrDefault}", "wxr");
        }
    }

    private IEnumerable<ImportEntry> Attachment(XElement e, string location)
    {
        var id = Child(e, "post_id");
        var url = Child(e, "attachment_url");
        var fromUrl = UploadsPath(url);
        var file = Meta(e).GetValueOrDefault("_wp_attached_file") is { Length: > 0 } attached ? attached : fromUrl;
        var fileName = System.IO.Path.GetFileName(file);
        if (id.Length == 0 || fileName.Length == 0)
        {
            yield return new ProblemEntry(location, "an attachment without an id or a file.");
            yield break;
        }

        int width = 0, height = 0;
        string? localPath = null;
        if (uploadsFolder is not null)
        {
            // Only files inside the uploads folder are opened, whatever the export says.
            var root = System.IO.Path.GetFullPath(uploadsFolder) + System.IO.Path.DirectorySeparatorChar;
            foreach (var relative in new[] { file, fromUrl }.Where(f => f.Length > 0).Distinct())
            {
                var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
                if (candidate.StartsWith(root, StringComparison.Ordinal) && File.Exists(candidate))
                {
                    localPath = candidate;
                    using var codec = SKCodec.Create(candidate);
                    (width, height) = codec is null ? (0, 0) : (codec.Info.Width, codec.Info.Height);
                    break;
                }
            }

            if (localPath is null)
            {
                MissingUploads.Add($"attachment {id}: {file} ({location})");
                yield return new NoteEntry(location, $"attachment:{id}: {file} is not in the uploads folder; the image is recorded without its picture.");
            }
        }

        var key = $"wxr/{id}/{Slugs.From(System.IO.Path.GetFileNameWithoutExtension(fileName))}{System.IO.Path.GetExtension(fileName).ToLowerInvariant()}";
        var caption = WxrDates.PlainText(Child(e, "encoded", "excerpt"));
        yield return new MediaEntry(location, "attachment:" + id, new ImportedImage
        {
            StorageKey = key.Length > 100 ? key[..100] : key,
            ContentType = ContentType(fileName),
            Width = width,
            Height = height,
            AltText = Trim(Meta(e).GetValueOrDefault("_wp_attachment_image_alt") is { Length: > 0 } alt ? alt : Child(e, "title"), 500),
            CreditText = Trim(caption, 500),
            CreatedAtUtc = WxrDates.ParseWordPressTime(Child(e, "post_date_gmt")),
            OriginalUrl = url,
            FilePath = localPath,
        });
    }

    /// <summary>
    /// Where an attachment's URL puts the file inside the uploads folder:
    /// ".../wp-content/uploads/2019/08/photo.jpg" gives "2019/08/photo.jpg".
    /// </summary>
    private static string UploadsPath(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "";
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        const string Marker = "/uploads/";
        int at = path.LastIndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 ? path[(at + Marker.Length)..] : path.TrimStart('/');
    }

    private IEnumerable<ImportEntry> Post(XElement e, string location, Dictionary<string, string> authors)
    {
        var id = Child(e, "post_id");
        var rawTitle = WebName(Child(e, "title"));
        var wpStatus = Child(e, "status");
        if (id.Length == 0 || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            yield return new ProblemEntry(location, $"a post without a numeric wp:post_id (\"{rawTitle}\").");
            yield break;
        }

        if (wpStatus is "trash" or "auto-draft" or "inherit")
        {
            yield break;
        }

        if (rawTitle.Length == 0)
        {
            yield return new ProblemEntry(location, $"post {id} has no title.");
            yield break;
        }

        var content = Child(e, "encoded", "content");
        var reading = WxrDates.Read(rawTitle, content);
        if (reading.Date is not { } date)
        {
            UndatedPosts.Add($"post {id} \"{rawTitle}\" ({location})");
            yield return new ProblemEntry(location, $"post {id} \"{rawTitle}\": no date could be read (no year before the title, no full date in the text).");
            yield break;
        }

        if (!reading.DayFound && date.Precision != DatePrecision.Day)
        {
            YearOnlyPosts.Add($"post {id} \"{rawTitle}\" ({location})");
            yield return new NoteEntry(location, $"post {id}: no day in the text matches the year {date.YearText}; imported with the year only.");
        }

        var terms = e.Elements("category").ToList();
        var categories = terms.Where(c => (string?)c.Attribute("domain") == "category").Select(c => new ImportedTag(WebName(c.Value))).ToList();
        var tags = terms.Where(c => (string?)c.Attribute("domain") == "post_tag").Select(c => new ImportedTag(WebName(c.Value))).ToList();
        var meta = Meta(e);
        var excerpt = WxrDates.PlainText(Child(e, "encoded", "excerpt"));
        var login = Child(e, "creator");
        var published = WxrDates.ParseWordPressTime(Child(e, "post_date_gmt")) ?? WxrDates.ParseWordPressTime(Child(e, "post_date"));
        var modified = WxrDates.ParseWordPressTime(Child(e, "post_modified_gmt")) ?? published;

        var oldPaths = new List<string> { $"/?p={id}" };
        if (Uri.TryCreate(Child(e, "link"), UriKind.Absolute, out var link) && link.AbsolutePath.Length > 1 && string.IsNullOrEmpty(link.Query))
        {
            oldPaths.Add(link.AbsolutePath);
        }

        if (Child(e, "post_name") is { Length: > 0 } postName)
        {
            oldPaths.Add($"/on-this-day/{postName}/");
        }

        yield return new StoryEntry(location, "post:" + id, new ImportedStory
        {
            Title = Trim(reading.Title, 200),
            Kind = KindFrom(categories),
            Date = date,
            Summary = Trim(excerpt.Length > 0 ? excerpt : WxrDates.PlainText(content), 300),
            Body = WxrDates.WithoutShortcodes(content).Trim(),
            CommentsClosed = Child(e, "comment_status") == "closed",
            Status = wpStatus switch
            {
                "publish" => StoryStatus.Published,
                "future" => StoryStatus.Scheduled,
                "pending" => StoryStatus.InReview,
                "private" => StoryStatus.Unpublished,
                _ => StoryStatus.Draft,
            },
            AuthorName = login.Length == 0 ? null : authors.GetValueOrDefault(login, login),
            CreatedAtUtc = published,
            PublishedAtUtc = wpStatus is "publish" or "future" ? published : null,
            UpdatedAtUtc = modified,
            Categories = categories,
            Topics = tags,
            ImageSourceId = meta.GetValueOrDefault("_thumbnail_id") is { Length: > 0 } thumbnail ? "attachment:" + thumbnail : null,
            OldPaths = [.. oldPaths.Distinct()],
            Data = JsonSerializer.Serialize(new { postId = id, postType = Child(e, "post_type"), postName = Child(e, "post_name"), guid = Child(e, "guid"), meta }),
        });

        // Date archives of the post's publication day and month lead to the matching day and month pages.
        if (published is { } p)
        {
            var day = new CalendarDay(p.Month, p.Day);
            yield return new RedirectEntry(location, $"/{p:yyyy}/{p:MM}/{p:dd}/", $"/day/{day.Slug}", "wxr");
            yield return new RedirectEntry(location, $"/{p:yyyy}/{p:MM}/", $"/month/{CalendarDay.MonthSlug(p.Month)}", "wxr");
        }

        foreach (var entry in Comments(e, location, id))
        {
            yield return entry;
        }
    }

    /// <summary>
    /// A post's comments, top-level ones first. Almanac keeps one level of replies, so a reply to a reply
    /// joins the thread of its highest ancestor that is imported; trashed comments are left out (and
    /// reported), pingbacks and trackbacks kept as JSON on their import records. Addresses (IPs) are not
    /// read: the site keeps only keyed hashes of its own readers' addresses, and has no key for these.
    /// </summary>
    private IEnumerable<ImportEntry> Comments(XElement post, string location, string postId)
    {
        var all = new List<(string Id, string? Parent, string Status, XElement Element)>();
        foreach (var c in post.Elements().Where(x => x.Name.LocalName == "comment"))
        {
            var commentId = Child(c, "comment_id");
            if (commentId.Length == 0)
            {
                yield return new ProblemEntry(location, $"a comment of post {postId} without an id.");
                continue;
            }

            var parent = Child(c, "comment_parent") is { Length: > 0 } p && p != "0" ? p : null;
            all.Add((commentId, parent, Child(c, "comment_approved"), c));
        }

        var byId = all.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var entries = new List<CommentEntry>();
        foreach (var (commentId, parentId, status, c) in all)
        {
            var type = Child(c, "comment_type");
            if (type is "pingback" or "trackback")
            {
                PingbacksKept++;
                yield return new KeptEntry(location, "comment:" + commentId, type, JsonSerializer.Serialize(new
                {
                    postId,
                    author = Child(c, "comment_author"),
                    authorUrl = Child(c, "comment_author_url"),
                    dateUtc = WxrDates.ParseWordPressTime(Child(c, "comment_date_gmt")),
                    content = RawChild(c, "comment_content"),
                    status,
                    type,
                }));
                continue;
            }

            if (status is "trash" or "post-trashed")
            {
                CommentsTrashed++;
                yield return new NoteEntry(location, $"comment {commentId} of post {postId} is in WordPress's trash; not imported.");
                continue;
            }

            var commentStatus = status switch
            {
                "1" or "approve" or "approved" => CommentStatus.Approved,
                "spam" => CommentStatus.Spam,
                _ => CommentStatus.Pending,
            };
            if (status is not ("1" or "approve" or "approved" or "spam" or "0" or "hold" or ""))
            {
                yield return new NoteEntry(location, $"comment {commentId} of post {postId} has the status \"{status}\"; imported as pending.");
            }

            // The highest ancestor that is imported (not trash, not a pingback) is the thread it joins.
            string? top = null;
            var seen = new HashSet<string>(StringComparer.Ordinal) { commentId };
            for (var p = parentId; p is not null && seen.Add(p); p = byId.TryGetValue(p, out var up) ? up.Parent : null)
            {
                if (!byId.TryGetValue(p, out var ancestor))
                {
                    yield return new NoteEntry(location, $"comment {commentId} answers comment {p}, which is not in the export; imported as a comment of its own.");
                    break;
                }

                if (ancestor.Status is not ("trash" or "post-trashed") && Child(ancestor.Element, "comment_type") is not ("pingback" or "trackback"))
                {
                    top = p;
                }
            }

            var author = WebName(Child(c, "comment_author"));
            entries.Add(new CommentEntry(location, "comment:" + commentId, new ImportedComment
            {
                StorySourceId = "post:" + postId,
                ParentSourceId = top is null ? null : "comment:" + top,
                AuthorName = author.Length > 0 ? author : "Anonymous",
                Email = Child(c, "comment_author_email") is { Length: > 0 } email ? email : null,
                Body = RawChild(c, "comment_content"),
                Status = commentStatus,
                CreatedAtUtc = WxrDates.ParseWordPressTime(Child(c, "comment_date_gmt")) ?? WxrDates.ParseWordPressTime(Child(c, "comment_date")) ?? default,
            }));
        }

        // Top-level comments before replies, so a parent is written before (or with) its replies.
        foreach (var entry in entries.OrderBy(c => c.Comment.ParentSourceId is null ? 0 : 1))
        {
            CommentsRead++;
            yield return entry;
        }
    }

    private static StoryKind KindFrom(List<ImportedTag> categories)
    {
        foreach (var c in categories.Select(c => c.Name.ToLowerInvariant()))
        {
            if (c is "births" or "birth" or "born")
            {
                return StoryKind.Birth;
            }

            if (c is "deaths" or "death" or "died")
            {
                return StoryKind.Death;
            }

            if (c is "observances" or "observance" or "holidays" or "holiday")
            {
                return StoryKind.Observance;
            }
        }

        return StoryKind.Event;
    }

    private static Dictionary<string, string> Meta(XElement e) =>
        e.Elements().Where(x => x.Name.LocalName == "postmeta")
            .Select(m => (Key: Child(m, "meta_key"), Value: Child(m, "meta_value")))
            .Where(m => m.Key.Length > 0)
            .GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    /// <summary>The text of the first child with this local name (and, if given, a namespace containing <paramref name="ns"/>).</summary>
    private static string Child(XElement e, string localName, string? ns = null) =>
        e.Elements().FirstOrDefault(x => x.Name.LocalName == localName && (ns is null || x.Name.NamespaceName.Contains(ns, StringComparison.Ordinal)))?.Value.Trim() ?? "";

    /// <summary>The text of a child exactly as written (comment text is kept as the export has it).</summary>
    private static string RawChild(XElement e, string localName) =>
        e.Elements().FirstOrDefault(x => x.Name.LocalName == localName)?.Value ?? "";

    private static string WebName(string text) => System.Net.WebUtility.HtmlDecode(text).Trim();

    private static string Trim(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text[..(max - 1)];
        int space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':') + "…";
    }

    private static string ContentType(string fileName) => System.IO.Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".avif" => "image/avif",
        ".svg" => "image/svg+xml",
        _ => "image/jpeg",
    };
}
