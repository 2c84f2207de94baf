using Almanac.Core.Calendar;
using Almanac.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> builder)
    {
        builder.Ignore(t => t.Born);
        builder.Ignore(t => t.Died);
        builder.Property(t => t.Slug).HasMaxLength(Stories.Slugs.MaxLength);
        builder.Property(t => t.Name).HasMaxLength(160);
        builder.Property(t => t.Description).HasMaxLength(1000);
        // Defaults in the database too, so topics made before these columns existed read as valid values.
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(TopicKind.Theme);
        builder.Property(t => t.BornPrecision).HasConversion<string>().HasMaxLength(8).HasDefaultValue(DatePrecision.Day);
        builder.Property(t => t.BornCalendar).HasConversion<string>().HasMaxLength(12).HasDefaultValue(CalendarSystem.Gregorian);
        builder.Property(t => t.DiedPrecision).HasConversion<string>().HasMaxLength(8).HasDefaultValue(DatePrecision.Day);
        builder.Property(t => t.DiedCalendar).HasConversion<string>().HasMaxLength(12).HasDefaultValue(CalendarSystem.Gregorian);
        builder.HasIndex(t => t.Slug).IsUnique();
        // Deleting an image leaves the topic without one; it never deletes the topic.
        builder.HasOne(t => t.Image).WithMany().HasForeignKey(t => t.ImageId).OnDelete(DeleteBehavior.SetNull);
    }
}
