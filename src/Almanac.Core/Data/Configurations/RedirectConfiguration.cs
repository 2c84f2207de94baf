using Almanac.Core.Redirects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Almanac.Core.Data.Configurations;

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<Redirect>
{
    public void Configure(EntityTypeBuilder<Redirect> builder)
    {
        builder.Property(r => r.FromPath).HasMaxLength(Redirect.MaxPathLength);
        builder.Property(r => r.ToPath).HasMaxLength(Redirect.MaxPathLength);
        builder.Property(r => r.Source).HasMaxLength(40);
        builder.HasIndex(r => r.FromPath).IsUnique();
    }
}
