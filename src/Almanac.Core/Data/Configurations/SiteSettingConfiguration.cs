using Almanac.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(SiteSetting.MaxKeyLength);
        builder.Property(s => s.Value).HasMaxLength(SiteSetting.MaxValueLength);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
