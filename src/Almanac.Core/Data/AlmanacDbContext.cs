using Almanac.Core.Accounts;
using Almanac.Core.Comments;
using Almanac.Core.Importing;
using Almanac.Core.Media;
using Almanac.Core.Newsroom;
using Almanac.Core.Redirects;
using Almanac.Core.Settings;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Data;

/// <summary>
/// The one model of Almanac. Each database provider has a thin subclass with its own migration set
/// (<see cref="SqliteAlmanacDbContext"/>); the model itself stays provider-neutral. The newsroom's
/// accounts (ASP.NET Core Identity) live in the same database.
/// </summary>
public abstract class AlmanacDbContext(DbContextOptions options)
    : IdentityDbContext<AlmanacUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Story> Stories => Set<Story>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<StoryTopic> StoryTopics => Set<StoryTopic>();

    public DbSet<StoryCategory> StoryCategories => Set<StoryCategory>();

    public DbSet<StoryRelation> StoryRelations => Set<StoryRelation>();

    public DbSet<StoryRead> StoryReads => Set<StoryRead>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<StoryFeature> StoryFeatures => Set<StoryFeature>();

    public DbSet<MediaItem> Media => Set<MediaItem>();

    public DbSet<ImportedRecord> ImportedRecords => Set<ImportedRecord>();

    public DbSet<Redirect> Redirects => Set<Redirect>();

    public DbSet<StoryRevision> StoryRevisions => Set<StoryRevision>();

    /// <summary>Image variants, when <c>Media:Store</c> is <c>Database</c>.</summary>
    public DbSet<MediaBlob> MediaBlobs => Set<MediaBlob>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommentBan> CommentBans => Set<CommentBan>();

    /// <summary>ASP.NET Core's data-protection keys (anti-forgery, and sign-in cookies later), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();

    /// <summary>What admins changed on the settings page, laid over appsettings by the web app.</summary>
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AlmanacDbContext).Assembly);
    }
}
