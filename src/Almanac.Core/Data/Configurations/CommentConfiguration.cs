using Almanac.Core.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(Comment.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Comment.EmailMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.IpHash).HasMaxLength(64);
        builder.Property(c => c.DeleteKey).HasMaxLength(32);

        builder.HasOne(c => c.Story).WithMany(s => s.Comments).HasForeignKey(c => c.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);

        // A story's visible comments and counts; the queue by status; "has this address been approved?".
        builder.HasIndex(c => new { c.StoryId, c.Status });
        builder.HasIndex(c => new { c.Status, c.CreatedAtUtc });
        builder.HasIndex(c => new { c.Email, c.Status });
        builder.HasIndex(c => c.CreatedAtUtc);
    }
}

internal sealed class CommentBanConfiguration : IEntityTypeConfiguration<CommentBan>
{
    public void Configure(EntityTypeBuilder<CommentBan> builder)
    {
        builder.Property(b => b.Email).HasMaxLength(Comment.EmailMaxLength);
        builder.HasIndex(b => b.Email).IsUnique();
    }
}
