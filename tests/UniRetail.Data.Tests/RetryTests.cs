using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using UniRetail.Kernel;
using Xunit;

namespace UniRetail.Data.Tests;

/// <summary>
/// Lock conflicts (<see cref="TransientErrors"/>) run the operation again; anything else reaches the caller at once. The
/// conflicts are real: another connection holding SQLite's write lock, a PostgreSQL deadlock and serialization failure.
/// </summary>
public abstract class RetryTests(DatabaseProvider provider) : DataTest(provider)
{
    [Fact]
    public async Task WriteAsync_NonTransientError_ReachesTheCallerAfterOneAttempt()
    {
        await WriteAsync<Unit>(async s =>
        {
            await InsertRowAsync(s, 1, "first");
            return Unit.Value;
        });
        var attempts = 0;

        var duplicate = WriteAsync<Unit>(async s =>
        {
            Interlocked.Increment(ref attempts);
            await InsertRowAsync(s, 1, "again");
            return Unit.Value;
        });

        var thrown = await Assert.ThrowsAnyAsync<DbException>(() => duplicate);
        Assert.False(TransientErrors.IsTransient(thrown));
        // A primary key, not a unique index: SQLite reports it with its own extended code (1555), still a unique violation.
        Assert.True(UniqueViolations.Is(thrown));
        Assert.Equal(1, attempts);
        Assert.Equal("first", await Database.ReadAsync(c => c.ExecuteScalarAsync<string>("SELECT label FROM data_test_row WHERE row_no = 1"), Ct));
    }

    /// <summary>A lock conflict as this engine's driver reports it.</summary>
    protected abstract Exception LockConflict();

    [Fact]
    public async Task WriteAsync_ConflictOnEveryAttempt_GivesUpWithWriteContentionAndWritesNothing()
    {
        var attempts = 0;

        var write = WriteAsync<Unit>(async s =>
        {
            await InsertRowAsync(s, Interlocked.Increment(ref attempts));
            throw LockConflict();
        });

        var thrown = await Assert.ThrowsAsync<WriteContentionException>(() => write);
        Assert.Equal(8, thrown.Attempts);
        Assert.Equal(8, attempts);
        Assert.Equal(0, await CommittedRowsAsync());
    }

    [Fact]
    public async Task WriteAsync_ConflictWrappedInAnotherException_IsStillRetried()
    {
        var attempts = 0;

        var write = await WriteAsync<Unit>(async s =>
        {
            await InsertRowAsync(s, 1);
            if (Interlocked.Increment(ref attempts) < 3)
                throw new InvalidOperationException("a library wrapped the driver's error", LockConflict());
            return Unit.Value;
        });

        Assert.True(write.IsSuccess);
        Assert.Equal(3, attempts);
        Assert.Equal(1, await CommittedRowsAsync());
    }
}

public sealed class RetrySqliteTests() : RetryTests(DatabaseProvider.Sqlite)
{
    protected override Exception LockConflict() => new SqliteException("database is locked", 5);

    private static readonly TimeSpan LockHeld = TimeSpan.FromSeconds(2.5);

    /// <summary>Each attempt waits a second for the lock (busy_timeout and Microsoft.Data.Sqlite's own retries), not 30.</summary>
    protected override DatabaseOptions Configure(DatabaseOptions fresh) =>
        fresh with { ConnectionString = new SqliteConnectionStringBuilder(fresh.ConnectionString) { DefaultTimeout = 1 }.ConnectionString };

    [Fact]
    public async Task WriteAsync_AnotherConnectionHoldsTheWriteLock_BusyIsRetriedUntilTheWriteSucceeds()
    {
        var busyTimeout = await WriteAsync<long>(async s => await s.Connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout", transaction: s.Transaction));
        Assert.Equal(1000, busyTimeout.Value);
        await using var other = new SqliteConnection(Database.Options.ConnectionString);
        await other.OpenAsync(Ct);
        // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is this connection's until it commits.
        await using var lockHolder = await other.BeginTransactionAsync(Ct);
        await other.ExecuteAsync("INSERT INTO data_test_row (tenant_id, row_no, created_at_ms) VALUES (@Tenant, 1, 0)", new { Tenant }, lockHolder);
        var clock = Stopwatch.StartNew();

        var write = WriteAsync<Unit>(async s =>
        {
            await InsertRowAsync(s, 2);
            return Unit.Value;
        });
        // Longer than an attempt waits: without a retry the write would have failed with SQLITE_BUSY by now.
        await Task.Delay(LockHeld, Ct);
        Assert.False(write.IsCompleted);
        await lockHolder.CommitAsync(Ct);

        Assert.True((await write).IsSuccess);
        Assert.True(clock.Elapsed >= LockHeld);
        Assert.Equal(2, await CommittedAsync(1, 2));
    }
}

public sealed class RetryPostgresTests() : RetryTests(DatabaseProvider.Postgres)
{
    protected override Exception LockConflict() =>
        new Npgsql.PostgresException("could not serialize access due to concurrent update", "ERROR", "ERROR", Npgsql.PostgresErrorCodes.SerializationFailure);

    private async Task SeedCountersAsync()
    {
        await ExecuteOutsideAsync("CREATE TABLE data_test_counter (name TEXT PRIMARY KEY, value BIGINT NOT NULL)");
        await ExecuteOutsideAsync("INSERT INTO data_test_counter (name, value) VALUES ('a', 0), ('b', 0)");
    }

    private static Task<int> AddAsync(DbConnection connection, DbTransaction transaction, string name, long by) =>
        connection.ExecuteAsync("UPDATE data_test_counter SET value = value + @By WHERE name = @Name", new { Name = name, By = by }, transaction);

    private Task<long> CounterAsync(string name) =>
        Database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT value FROM data_test_counter WHERE name = @Name", new { Name = name }), Ct);

    /// <summary>Waits until the backend <paramref name="pid"/> waits for a row lock.</summary>
    private async Task WaitForLockWaitAsync(int pid)
    {
        var deadline = Stopwatch.StartNew();
        while (await Database.ReadAsync(c => c.ExecuteScalarAsync<string?>("SELECT wait_event_type FROM pg_stat_activity WHERE pid = @Pid", new { Pid = pid }), Ct) != "Lock")
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "The write never waited for the other transaction's lock.");
            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task WriteAsync_Deadlock_IsRetriedAndTheWriteSucceeds()
    {
        await SeedCountersAsync();
        await using var other = await Database.OpenAsync(Ct);
        await using var otherTransaction = await other.BeginTransactionAsync(Ct);
        await AddAsync(other, otherTransaction, "b", 10);
        var attempts = 0;
        var holdsA = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var write = WriteAsync<Unit>(async s =>
        {
            await AddAsync(s.Connection, s.Transaction, "a", 1);
            if (Interlocked.Increment(ref attempts) == 1)
                holdsA.SetResult(await s.Connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()", transaction: s.Transaction));
            await AddAsync(s.Connection, s.Transaction, "b", 1);
            return Unit.Value;
        });
        var writer = await holdsA.Task;
        await WaitForLockWaitAsync(writer);
        // The write has waited longest, so its deadlock check (deadlock_timeout after its wait began) runs first and
        // PostgreSQL cancels the write, not this transaction, which then gets row a.
        await Task.Delay(300, Ct);
        await AddAsync(other, otherTransaction, "a", 10);
        await otherTransaction.CommitAsync(Ct);

        Assert.True((await write).IsSuccess);
        Assert.Equal(2, attempts);
        Assert.Equal((11, 11), (await CounterAsync("a"), await CounterAsync("b")));
    }

    [Fact]
    public async Task WriteAsync_SerializationFailure_IsRetriedOnAFreshSnapshot()
    {
        await SeedCountersAsync();
        var attempts = 0;
        var snapshotTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var otherCommitted = Gate();

        var write = WriteAsync<long>(async s =>
        {
            await s.Connection.ExecuteAsync("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", transaction: s.Transaction);
            var seen = await s.Connection.ExecuteScalarAsync<long>("SELECT value FROM data_test_counter WHERE name = 'a'", transaction: s.Transaction);
            if (Interlocked.Increment(ref attempts) == 1)
            {
                snapshotTaken.SetResult();
                await otherCommitted.Task;
            }
            await s.Connection.ExecuteAsync("UPDATE data_test_counter SET value = @Value WHERE name = 'a'", new { Value = seen + 1 }, s.Transaction);
            return seen;
        });
        await snapshotTaken.Task;
        await ExecuteOutsideAsync("UPDATE data_test_counter SET value = value + 10 WHERE name = 'a'");
        otherCommitted.SetResult();

        Assert.Equal(10, (await write).Value);
        Assert.Equal(2, attempts);
        Assert.Equal(11, await CounterAsync("a"));
    }
}
