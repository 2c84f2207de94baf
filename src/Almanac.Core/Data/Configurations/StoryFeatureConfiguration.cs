using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class StoryFeatureConfiguration : IEntityTypeConfiguration<StoryFeature>
{
    // One story of the day per calendar day: the key is the day itself.
    public void Configure(EntityTypeBuilder<StoryFeature> builder)
    {
        builder.HasKey(f => new { f.Month, f.Day });
        builder.HasIndex(f => f.StoryId);
    }
}
