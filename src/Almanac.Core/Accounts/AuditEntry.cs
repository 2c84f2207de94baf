namespace Almanac.Core.Accounts;

/// <summary>One line of the audit log: who did what to what, and when.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The acting user; null for the system (the scheduler) or an unknown visitor.</summary>
    public string? UserId { get; set; }

    /// <summary>The name as it was at the time, so the log reads well after a user is deleted.</summary>
    public string UserName { get; set; } = "";

    /// <summary>A short, stable verb such as "sign-in", "sign-in-failed", "role-changed", "story-published".</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, e.g. "user:ada" or "story:42".</summary>
    public string Subject { get; set; } = "";

    public string Details { get; set; } = "";
}
