using Almanac.Core.Stories;

namespace Almanac.Core.Comments;

/// <summary>A reader's comment on a story, or a reply to one (one level deep).</summary>
public class Comment
{
    public const int NameMaxLength = 80;

    public const int EmailMaxLength = 254;

    public int Id { get; set; }

    public int StoryId { get; set; }

    public Story? Story { get; set; }

    /// <summary>The top-level comment this one answers; replies to replies are attached to the same top-level comment.</summary>
    public int? ParentId { get; set; }

    public Comment? Parent { get; set; }

    public required string AuthorName { get; set; }

    /// <summary>Used to recognise a returning commenter and to send the deletion link; never shown, never in an API.</summary>
    public string? Email { get; set; }

    /// <summary>Exactly what the reader sent; <see cref="CommentText"/> decides what is safe to show.</summary>
    public required string Body { get; set; }

    public CommentStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Keyed hash (HMAC-SHA256) of the sender's address; cleared after <c>Comments:IpRetentionDays</c>.</summary>
    public string? IpHash { get; set; }

    /// <summary>A random value the signed deletion link names, so a link deletes this comment and no other.</summary>
    public required string DeleteKey { get; set; }
}

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Deleted = 3,
}

/// <summary>An e-mail address whose comments go straight to spam.</summary>
public class CommentBan
{
    public int Id { get; set; }

    /// <summary>Lower-cased, trimmed (see <see cref="CommentModeration.NormalizeEmail"/>).</summary>
    public required string Email { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
