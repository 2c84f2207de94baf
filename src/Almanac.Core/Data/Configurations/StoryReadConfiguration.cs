using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class StoryReadConfiguration : IEntityTypeConfiguration<StoryRead>
{
    public void Configure(EntityTypeBuilder<StoryRead> builder)
    {
        builder.ToTable("StoryReads");
        builder.HasKey(r => new { r.StoryId, r.Day });
        // "Most read in the last N days" is a range on Day; the story id rides along for the sum.
        builder.HasIndex(r => new { r.Day, r.StoryId, r.Count });
        builder.HasOne<Story>().WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
