using System.ComponentModel.DataAnnotations;
using Almanac.Core.Comments;

namespace Almanac.Web.Features.Comments;

/// <summary>The fields of the comment form, as posted.</summary>
public sealed class CommentInput
{
    /// <summary>The honeypot: hidden from people, so only a robot fills it in.</summary>
    public const string HoneypotField = "Website";

    [Display(Name = "Name")]
    [Required(ErrorMessage = "Please give a name.")]
    [StringLength(Comment.NameMaxLength, ErrorMessage = "The name may be at most {1} characters long.")]
    public string? Name { get; set; }

    [Display(Name = "E-mail (optional, never shown)")]
    [StringLength(Comment.EmailMaxLength, ErrorMessage = "That e-mail address is too long.")]
    [EmailAddress(ErrorMessage = "That does not look like an e-mail address.")]
    public string? Email { get; set; }

    [Display(Name = "Comment")]
    [Required(ErrorMessage = "Please write a comment.")]
    public string? Body { get; set; }

    public int? ReplyTo { get; set; }

    public string? Website { get; set; }

    public string? Stamp { get; set; }
}

/// <summary>What the comment form partial needs to draw itself.</summary>
public sealed record CommentFormView(
    string Slug,
    CommentInput Input,
    bool Live,
    string? Stamp,
    int BodyMaxLength,
    string? ReplyToAuthor = null,
    string? Message = null);
