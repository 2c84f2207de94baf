using Almanac.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class AlmanacUserConfiguration : IEntityTypeConfiguration<AlmanacUser>
{
    public void Configure(EntityTypeBuilder<AlmanacUser> builder) =>
        builder.Property(u => u.DisplayName).HasMaxLength(200);
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Subject).HasMaxLength(256);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.Subject, a.AtUtc });
    }
}

internal sealed class SetupTokenConfiguration : IEntityTypeConfiguration<SetupToken>
{
    public void Configure(EntityTypeBuilder<SetupToken> builder)
    {
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}
