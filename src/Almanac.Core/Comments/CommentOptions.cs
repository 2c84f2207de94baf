using System.ComponentModel.DataAnnotations;

namespace Almanac.Core.Comments;

/// <summary>Reader comments, bound from the <c>Comments</c> section (see docs/comments.md).</summary>
public sealed class CommentOptions
{
    public const string Section = "Comments";

    public bool Enabled { get; set; } = true;

    /// <summary>Comments close this many days after a story is published; 0 keeps them open.</summary>
    [Range(0, 36500)]
    public int CloseAfterDays { get; set; }

    [Range(100, 100_000)]
    public int BodyMaxLength { get; set; } = 5000;

    /// <summary>A comment with more links than this is held for moderation.</summary>
    [Range(0, 100)]
    public int LinkThreshold { get; set; } = 2;

    /// <summary>Address hashes are cleared from comments older than this.</summary>
    [Range(1, 3650)]
    public int IpRetentionDays { get; set; } = 30;

    /// <summary>Comments one address may send in <see cref="RateLimitWindowSeconds"/>.</summary>
    [Range(1, 10_000)]
    public int PerAddressLimit { get; set; } = 5;

    /// <summary>Comments one story may receive in <see cref="RateLimitWindowSeconds"/>, from everyone together.</summary>
    [Range(1, 100_000)]
    public int PerStoryLimit { get; set; } = 30;

    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 600;

    /// <summary>A form sent sooner than this after it was shown is taken for a robot's.</summary>
    [Range(0, 3600)]
    public int MinimumFillSeconds { get; set; } = 3;

    [Range(5, 500)]
    public int PageSize { get; set; } = 50;

    /// <summary>The secret for the address hashes; empty: a random one per process (see docs/comments.md).</summary>
    public string IpHashKey { get; set; } = "";
}
