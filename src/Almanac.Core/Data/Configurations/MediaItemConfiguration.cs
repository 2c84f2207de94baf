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
        builder.Property(m => m.OriginalFileName).HasMaxLength(MediaLibrary.MaxFileNameLength);
        builder.Property(m => m.AltText).HasMaxLength(MediaLibrary.MaxAltTextLength);
        builder.Property(m => m.CreditText).HasMaxLength(MediaLibrary.MaxCreditTextLength);
        builder.Property(m => m.CreditUrl).HasMaxLength(MediaLibrary.MaxCreditUrlLength);
        builder.Property(m => m.Licence).HasMaxLength(MediaLibrary.MaxLicenceLength);

        // The library lists newest first.
        builder.HasIndex(m => m.CreatedAtUtc);
    }
}
