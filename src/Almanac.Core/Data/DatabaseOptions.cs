namespace Almanac.Core.Data;

/// <summary>Which database the site runs on. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Used when <c>ConnectionStrings:Almanac</c> is not set: a SQLite file under ./data.</summary>
    public const string DefaultConnectionString = "Data Source=data/almanac.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    /// <summary>Embedded, one machine: the default.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL server, shared by several app nodes.</summary>
    Postgres = 1,
}
