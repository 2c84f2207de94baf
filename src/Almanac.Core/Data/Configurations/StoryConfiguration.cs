using Almanac.Core.Stories;
using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.Ignore(s => s.Date);

        // The body (Markdown and HTML, kilobytes each) lives in its own table: in the Stories row it
        // pushed the columns after it into overflow pages, so every listing read them from disk.
        builder.SplitToTable("StoryBodies", t =>
        {
            t.Property(s => s.Id).HasColumnName("StoryId");
            t.Property(s => s.Body);
            t.Property(s => s.BodyHtml);
        });
        builder.Property(s => s.Slug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Summary).HasMaxLength(1000);
        builder.Property(s => s.AuthorName).HasMaxLength(200);
        builder.Property(s => s.OwnerId).HasMaxLength(450);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Precision).HasConversion<string>().HasMaxLength(8);
        builder.Property(s => s.Calendar).HasConversion<string>().HasMaxLength(12);

        // Day pages look up by placement day, year pages by year; both lead with the lookup
        // column and carry the status so the published filter is answered from the index.
        // No index leads with Status: nearly every story is published, and SQLite (without
        // statistics) would pick such an index and scan the whole table for a day page.
        builder.HasIndex(s => new { s.PlacementMonth, s.PlacementDay, s.Status, s.Year });
        builder.HasIndex(s => new { s.Year, s.Status });
        // The scheduler's one query: the scheduled stories that are due.
        builder.HasIndex(s => new { s.PublishAtUtc, s.Status });

        builder.HasOne(s => s.Image).WithMany().HasForeignKey(s => s.ImageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Sources).WithOne().HasForeignKey(s => s.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Features).WithOne(f => f.Story).HasForeignKey(f => f.StoryId).OnDelete(DeleteBehavior.Cascade);
        // Explicit join rows with a reverse index, so "stories sharing this topic" is an index range.
        builder.HasMany(s => s.Categories).WithMany().UsingEntity<StoryCategory>(
            r => r.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId),
            l => l.HasOne<Story>().WithMany().HasForeignKey(x => x.StoryId),
            j =>
            {
                j.ToTable("StoryCategories");
                j.HasKey(x => new { x.StoryId, x.CategoryId });
                j.HasIndex(x => new { x.CategoryId, x.StoryId });
            });
        builder.HasMany(s => s.Topics).WithMany().UsingEntity<StoryTopic>(
            r => r.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId),
            l => l.HasOne<Story>().WithMany().HasForeignKey(x => x.StoryId),
            j =>
            {
                j.ToTable("StoryTopics");
                j.HasKey(x => new { x.StoryId, x.TopicId });
                j.HasIndex(x => new { x.TopicId, x.StoryId });
            });
    }
}
