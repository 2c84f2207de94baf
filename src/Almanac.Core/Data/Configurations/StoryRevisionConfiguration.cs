using Almanac.Core.Newsroom;
using Almanac.Core.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class StoryRevisionConfiguration : IEntityTypeConfiguration<StoryRevision>
{
    public void Configure(EntityTypeBuilder<StoryRevision> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.ChangedFields).HasMaxLength(400);
        builder.Property(r => r.Note).HasMaxLength(100);
        builder.HasIndex(r => new { r.StoryId, r.Number }).IsUnique();
        // Revisions go with their story: deleting a story removes its whole history.
        builder.HasOne<Story>().WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
