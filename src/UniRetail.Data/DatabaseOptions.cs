namespace UniRetail.Data;

/// <summary>The two storage engines: SQLite embedded in one file (the default) and PostgreSQL (production).</summary>
public enum DatabaseProvider
{
    /// <summary>One local file, zero set-up.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server, by connection string.</summary>
    Postgres,
}

/// <summary>Which database to use; chosen once, in configuration or on the command line.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The default database file of the CLI and server.</summary>
    public const string DefaultSqliteFile = "uniretail.db";

    /// <summary>How many write transactions run side by side. SQLite has one writer; PostgreSQL runs many connections.</summary>
    public int WriterLanes { get; init; } = Provider == DatabaseProvider.Sqlite ? 1 : 16;

    /// <summary>
    /// The most write operations committed together in one transaction (group commit). SQLite batches (one fsync for the
    /// batch). PostgreSQL commits each operation alone: it already groups concurrent commits into one WAL flush, and a
    /// batch would hold every operation's row locks until the last one finished, so lanes deadlock on hot SKUs.
    /// </summary>
    public int MaxBatch { get; init; } = Provider == DatabaseProvider.Sqlite ? 256 : 1;

    /// <summary>
    /// The server keyring's file (see <see cref="Secrets.KeyringFile"/>): beside a SQLite database (<c>uniretail.db.keys</c>),
    /// <c>uniretail.keys</c> in the working directory for PostgreSQL. Never in the database itself.
    /// </summary>
    public string KeysFile { get; init; } = Path.GetFullPath("uniretail.keys");

    /// <summary>The keyring itself (<c>v1 base64;v2 base64</c>), when given by configuration instead of a file; wins over <see cref="KeysFile"/>.</summary>
    public string? Keys { get; init; }

    /// <summary>SQLite in a file (created when missing).</summary>
    public static DatabaseOptions Sqlite(string file) =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.GetFullPath(file)};Pooling=True;Default Timeout=30") { KeysFile = Path.GetFullPath(file) + ".keys" };

    /// <summary>PostgreSQL by Npgsql connection string.</summary>
    public static DatabaseOptions Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>The same database with the keyring from settings (<c>UniRetail:Keys</c>, <c>UniRetail:KeysFile</c>) where they are given.</summary>
    public DatabaseOptions WithKeys(string? keys, string? keysFile) => this with
    {
        Keys = string.IsNullOrWhiteSpace(keys) ? Keys : keys,
        KeysFile = string.IsNullOrWhiteSpace(keysFile) ? KeysFile : Path.GetFullPath(keysFile),
    };

    /// <summary>Reads <c>--db</c>/<c>--postgres</c>-style settings: a PostgreSQL connection string wins over a SQLite file.</summary>
    public static DatabaseOptions From(string? sqliteFile, string? postgres) =>
        string.IsNullOrWhiteSpace(postgres) ? Sqlite(string.IsNullOrWhiteSpace(sqliteFile) ? DefaultSqliteFile : sqliteFile) : Postgres(postgres);
}
