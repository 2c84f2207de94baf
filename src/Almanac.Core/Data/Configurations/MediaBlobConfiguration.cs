using Almanac.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class MediaBlobConfiguration : IEntityTypeConfiguration<MediaBlob>
{
    public void Configure(EntityTypeBuilder<MediaBlob> builder)
    {
        builder.ToTable("MediaBlobs");
        builder.HasKey(b => b.Key);
        builder.Property(b => b.Key).HasMaxLength(MediaKeys.MaxLength);
    }
}
