using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using UniRetail.Data;

namespace UniRetail.Bench;

/// <summary>
/// A database made for one benchmark and dropped after it: a new SQLite file in the temp folder, or a new schema in the
/// given PostgreSQL database (reached through <c>Search Path</c>, so the migrations run as they would anywhere).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly bool _kept;
    private readonly string? _postgresAdmin;
    private readonly string? _schema;

    private BenchDatabase(DatabaseOptions options, string name, string? sqliteFile, string? postgresAdmin, string? schema, bool kept = false)
    {
        _kept = kept;
        Options = options;
        Name = name;
        _sqliteFile = sqliteFile;
        _postgresAdmin = postgresAdmin;
        _schema = schema;
    }

    public DatabaseOptions Options { get; }

    /// <summary>"SQLite" or "PostgreSQL", as the tables print it.</summary>
    public string Name { get; }

    public DatabaseProvider Provider => Options.Provider;

    public static BenchDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"uniretail-bench-{Guid.NewGuid():N}.db");
        return new BenchDatabase(DatabaseOptions.Sqlite(file), "SQLite", file, null, null);
    }

    /// <summary>A SQLite file the caller names and keeps: a later run can read what an earlier one seeded into it.</summary>
    public static BenchDatabase KeptSqlite(string file) =>
        new(DatabaseOptions.Sqlite(Path.GetFullPath(file)), "SQLite", Path.GetFullPath(file), null, null, kept: true);

    public static async Task<BenchDatabase> PostgresAsync(string connectionString, CancellationToken ct)
    {
        var schema = $"bench_{Guid.NewGuid():N}"[..20];
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }
        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
        return new BenchDatabase(DatabaseOptions.Postgres(scoped), "PostgreSQL", null, connectionString, schema);
    }

    /// <summary>
    /// Runs one benchmark on a fresh SQLite file, then on a fresh PostgreSQL schema when a connection string is given, each
    /// dropped after its run (or the SQLite file <paramref name="keptSqlite"/>, kept): the reports in that order.
    /// </summary>
    public static async Task<List<T>> OnEachAsync<T>(string? postgres, Func<BenchDatabase, Task<T>> run, CancellationToken ct, string? keptSqlite = null)
    {
        var reports = new List<T>();
        await using (var sqlite = keptSqlite is { Length: > 0 } ? KeptSqlite(keptSqlite) : Sqlite())
            reports.Add(await run(sqlite));
        if (postgres is { Length: > 0 })
        {
            await using var pg = await PostgresAsync(postgres, ct);
            reports.Add(await run(pg));
        }
        return reports;
    }

    /// <summary>A raw connection outside the product (the ceiling loop, checks); SQLite gets the writer's durability settings.</summary>
    public async Task<DbConnection> OpenRawAsync(CancellationToken ct)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(Options.ConnectionString)
            : new NpgsqlConnection(Options.ConnectionString);
        await connection.OpenAsync(ct);
        if (connection is SqliteConnection)
        {
            await using var pragma = connection.CreateCommand();
            // The same settings as the product's writer lane: WAL (set once in the file) and a full fsync per commit.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            if (_kept)
                return;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_sqliteFile + suffix);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_postgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
