using Almanac.Core.Comments;
using Almanac.Core.Media;
using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Almanac.Core.Data;

/// <summary>
/// The one model of Almanac. Each database provider has a thin subclass with its own migration set
/// (<see cref="SqliteAlmanacDbContext"/>); the model itself stays provider-neutral.
/// </summary>
public abstract class AlmanacDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Story> Stories => Set<Story>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<StoryTopic> StoryTopics => Set<StoryTopic>();

    public DbSet<StoryCategory> StoryCategories => Set<StoryCategory>();

    public DbSet<StoryRelation> StoryRelations => Set<StoryRelation>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<StoryFeature> StoryFeatures => Set<StoryFeature>();

    public DbSet<MediaItem> Media => Set<MediaItem>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommentBan> CommentBans => Set<CommentBan>();

    /// <summary>ASP.NET Core's data-protection keys (anti-forgery, and sign-in cookies later), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AlmanacDbContext).Assembly);
}
