using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;
using UniRetail.Kernel;

namespace UniRetail.Data;

/// <summary>
/// The one door to storage: <see cref="ReadAsync{T}"/> on a pooled connection, <see cref="WriteAsync{T}"/> through the
/// group-commit writer (atomic, durable before it returns). Every module's store goes through it.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly GroupCommitWriter _writer;

    public Database(DatabaseOptions options, DomainEventDispatcher events, ILogger<Database> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        if (options.Provider == DatabaseProvider.Postgres)
            _postgres = NpgsqlDataSource.Create(AutoPrepared(options.ConnectionString));
        else
            PrepareSqliteFile(options.ConnectionString);
        _writer = new GroupCommitWriter(options, OpenWriterAsync, events, logger);
    }

    /// <summary>The engine and its settings.</summary>
    public DatabaseOptions Options { get; }

    /// <summary>The engine.</summary>
    public DatabaseProvider Provider => Options.Provider;

    /// <summary>Runs read-only work on a pooled connection.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(ct);
        return await work(connection);
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction and returns once its outcome is committed. A failed
    /// <see cref="Result{T}"/> or an exception rolls back everything the work wrote; nothing else is affected.
    /// </summary>
    public Task<Result<T>> WriteAsync<T>(Func<DbSession, Task<Result<T>>> work, CancellationToken ct)
    {
        var operation = new WriteOperation<T>(work, ct);
        _writer.Enqueue(operation);
        return operation.Completion;
    }

    /// <summary>
    /// Statements a connection runs again and again (a projector's batch of thousands of the same UPDATE, the order path)
    /// are prepared on the server after their second use, so PostgreSQL parses each once per connection. Plans stay
    /// custom (made for each execution's values): a generic plan cannot see how long an <c>= ANY(@ids)</c> list is and
    /// picked a scan of the tenant. A connection string that sets either keeps its own.
    /// </summary>
    private static string AutoPrepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 256;
        if (string.IsNullOrEmpty(builder.Options))
            builder.Options = "-c plan_cache_mode=force_custom_plan";
        return builder.ConnectionString;
    }

    /// <summary>Opens a pooled connection for reads (and for the migration runner).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync(ct);
        var connection = new SqliteConnection(Options.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    private async Task<DbConnection> OpenWriterAsync(CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        if (connection is SqliteConnection sqlite)
        {
            await using var pragma = connection.CreateCommand();
            // FULL: a commit is on disk before it returns, so an acknowledged order survives a power cut.
            // busy_timeout: the connection string's Default Timeout (30 s unless set), which is also how long
            // Microsoft.Data.Sqlite retries a busy statement: one setting for how long a write waits out another process's lock.
            // temp_store=MEMORY: the savepoint journal of a large batch stays in memory instead of spilling to temp files.
            // cache_size 64 MiB (default 2 MiB): a batch of thousands of events touches index pages all over the file, and
            // every page that falls out of the cache is read back with a pread (docs/benchmarks.md, "Event ingestion").
            // wal_autocheckpoint 16384 pages (default 1000): such a batch writes thousands of WAL frames, so the default
            // checkpointed (copied into the file and fsynced) after nearly every commit, on the writer lane.
            pragma.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={sqlite.DefaultTimeout * 1000}; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;");
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    private static void PrepareSqliteFile(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers run beside the writer; the mode is stored in the file, so setting it once is enough.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
