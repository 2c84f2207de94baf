using Almanac.Core.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class ImportedRecordConfiguration : IEntityTypeConfiguration<ImportedRecord>
{
    public void Configure(EntityTypeBuilder<ImportedRecord> builder)
    {
        // The key is the idempotency rule itself: one row per record of a source.
        builder.HasKey(r => new { r.Source, r.SourceId });
        builder.Property(r => r.Source).HasMaxLength(ImportedRecord.MaxSourceLength);
        builder.Property(r => r.SourceId).HasMaxLength(ImportedRecord.MaxSourceIdLength);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.Kind, r.TargetId });
    }
}
