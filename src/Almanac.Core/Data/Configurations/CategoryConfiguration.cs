using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(Stories.Slugs.MaxLength);
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.HasIndex(c => c.Slug).IsUnique();
    }
}
