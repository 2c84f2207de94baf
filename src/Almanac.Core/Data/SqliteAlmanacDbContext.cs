using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Almanac.Core.Data;

/// <summary>The SQLite flavour of the model; migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAlmanacDbContext(DbContextOptions<SqliteAlmanacDbContext> options) : AlmanacDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAlmanacDbContext>
{
    public SqliteAlmanacDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAlmanacDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
