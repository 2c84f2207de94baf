using Almanac.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("Media");
        builder.Property(m => m.StorageKey).HasMaxLength(100);
        builder.HasIndex(m => m.StorageKey).IsUnique();
        builder.Property(m => m.ContentType).HasMaxLength(50);
        builder.Property(m => m.AltText).HasMaxLength(500);
        builder.Property(m => m.CreditText).HasMaxLength(500);
        builder.Property(m => m.CreditUrl).HasMaxLength(2000);
        builder.Property(m => m.Licence).HasMaxLength(200);
    }
}
