using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Almanac.Core.Data;

/// <summary>The PostgreSQL flavour of the model, for sites on several machines; migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAlmanacDbContext(DbContextOptions<PostgresAlmanacDbContext> options) : AlmanacDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the context; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAlmanacDbContext>
{
    public PostgresAlmanacDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAlmanacDbContext>().UseNpgsql("Host=localhost;Database=almanac_design").Options);
}
