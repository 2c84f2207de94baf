using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class StoryRelationConfiguration : IEntityTypeConfiguration<StoryRelation>
{
    public void Configure(EntityTypeBuilder<StoryRelation> builder)
    {
        builder.HasKey(r => new { r.StoryId, r.Rank });
        builder.HasOne<Story>().WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RelatedStory).WithMany().HasForeignKey(r => r.RelatedStoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.RelatedStoryId);
    }
}
