using System.ComponentModel.DataAnnotations;
using Almanac.Core.Comments;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Almanac.Web.Features.Comments;

/// <summary>Outgoing mail, bound from the <c>Mail</c> section; no <see cref="Host"/> means no mail at all.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. "Almanac &lt;comments@almanac.example&gt;".</summary>
    public string From { get; set; } = "Almanac <noreply@localhost>";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: Auto (STARTTLS when offered), None, SslOnConnect, StartTls.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
}

/// <summary>Sends a commenter the signed link that deletes their comment.</summary>
public sealed partial class CommentMailer(IOptions<MailOptions> options, ILogger<CommentMailer> logger)
{
    public bool Enabled => options.Value.Host.Length > 0;

    /// <summary>Sends the mail; a mail server that fails is logged, and the comment stands.</summary>
    public async Task<bool> SendDeletionLinkAsync(Comment comment, string storyHeadline, string deletionUrl, CancellationToken ct)
    {
        var o = options.Value;
        if (!Enabled || comment.Email is null)
        {
            return false;
        }

        try
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(o.From));
            message.To.Add(new MailboxAddress(CommentText.Printable(comment.AuthorName), comment.Email));
            message.Subject = $"Your comment on \"{storyHeadline}\"";
            // Plain text only: nothing the reader wrote can become markup in a mail program.
            message.Body = new TextPart("plain")
            {
                Text = $"""
                    Thank you for your comment on "{storyHeadline}":

                    {CommentText.Excerpt(comment.Body, 300)}

                    To delete this comment, open this link and confirm:
                    {deletionUrl}

                    If you did not write it, you can delete it the same way, or ignore this mail.
                    """,
            };

            using var client = new SmtpClient();
            await client.ConnectAsync(o.Host, o.Port, o.Security, ct);
            if (o.UserName.Length > 0)
            {
                await client.AuthenticateAsync(o.UserName, o.Password, ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, comment.Id, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mail the deletion link of comment {CommentId}")]
    private static partial void LogFailed(ILogger logger, int commentId, Exception exception);
}
