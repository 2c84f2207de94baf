using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(Stories.Slugs.MaxLength);
        builder.Property(t => t.Name).HasMaxLength(160);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
