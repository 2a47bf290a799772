using Dapper;
using System.Collections.Concurrent;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Data.Tests;

/// <summary><see cref="Database.WriteAsync{T}"/> through the group-commit writer: batches, commits, answers and savepoints.</summary>
public abstract class GroupCommitTests(DatabaseProvider provider) : DataTest(provider)
{
    private static readonly Error Refused = Error.Conflict("test.refused", "The operation refused after writing.");

    private readonly ConcurrentDictionary<long, DbSession> _sessions = new();

    /// <summary>Writes row <paramref name="rowNo"/> and notes which transaction it ran in.</summary>
    private Task<Result<Unit>> WriteRowAsync(long rowNo, Func<Task>? thenWait = null) =>
        WriteAsync<Unit>(async s =>
        {
            _sessions[rowNo] = s;
            await InsertRowAsync(s, rowNo);
            if (thenWait is not null)
                await thenWait();
            return Unit.Value;
        });

    [Fact]
    public async Task WriteAsync_ManyConcurrentWrites_AllCommitAndEachCallerHearsBackOnlyOnceItsRowIsCommitted()
    {
        const int Writes = 200;
        var hold = await HoldWriterAsync();
        var writes = Enumerable.Range(0, Writes).Select(async i =>
        {
            var written = await WriteRowAsync(i);
            Assert.True(written.IsSuccess);
            return await CommittedAsync(i);
        }).ToList();

        await hold.ReleaseAsync();
        var committedWhenAnswered = await Task.WhenAll(writes);

        Assert.All(committedWhenAnswered, c => Assert.Equal(1, c));
        Assert.Equal(Writes, await CommittedRowsAsync());
        // SQLite's one lane took everything queued behind the hold into one transaction (one fsync); PostgreSQL commits
        // each operation alone (DatabaseOptions.MaxBatch).
        Assert.Equal(Provider == DatabaseProvider.Sqlite ? 1 : Writes, _sessions.Values.Distinct().Count());
    }

    [Fact]
    public async Task WriteAsync_WhileAnotherOperationRuns_NoCallerOfItsTransactionHearsBackBeforeItCommits()
    {
        var hold = await HoldWriterAsync();
        var secondRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finishSecond = Gate();
        var first = WriteRowAsync(1);
        var second = WriteRowAsync(2, () =>
        {
            secondRunning.SetResult();
            return finishSecond.Task;
        });
        await hold.ReleaseAsync();
        await secondRunning.Task;

        if (Provider == DatabaseProvider.Sqlite)
        {
            // One transaction for both: the first has run, but its caller waits for the second and the commit.
            Assert.Same(_sessions[1], _sessions[2]);
            await Task.Delay(200, Ct);
            Assert.False(first.IsCompleted);
            Assert.Equal(0, await CommittedAsync(1));
        }
        else
        {
            // Each operation commits alone: the first is answered while the second still runs.
            Assert.True((await first).IsSuccess);
            Assert.Equal(1, await CommittedAsync(1));
        }
        Assert.False(second.IsCompleted);
        Assert.Equal(0, await CommittedAsync(2));

        finishSecond.SetResult();
        Assert.True((await first).IsSuccess);
        Assert.True((await second).IsSuccess);
        Assert.Equal(2, await CommittedAsync(1, 2));
    }

    [Fact]
    public async Task WriteAsync_OperationReturningAFailure_IsRolledBackAloneWhileTheOthersCommit()
    {
        var refusing = await BetweenTwoWritesThatCommitAsync(async s =>
        {
            await InsertRowAsync(s, 2);
            await InsertRowAsync(s, 20);
            return Refused;
        });

        Assert.Equal(Refused, refusing.ShouldFail());
        Assert.Equal(0, await CommittedAsync(2, 20));
    }

    [Fact]
    public async Task WriteAsync_OperationThatThrows_IsRolledBackAloneAndItsCallerGetsTheException()
    {
        var throwing = BetweenTwoWritesThatCommitAsync(async s =>
        {
            await InsertRowAsync(s, 2);
            throw new InvalidOperationException("The label printer is out of paper.");
        });

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => throwing);
        Assert.Equal("The label printer is out of paper.", thrown.Message);
        Assert.Equal(0, await CommittedAsync(2));
    }

    [Fact]
    public async Task WriteAsync_FailedOperationFirstInItsBatch_LeavesTheRestOfTheBatchCommitted()
    {
        var hold = await HoldWriterAsync();
        var refusing = WriteAsync<Unit>(async s =>
        {
            _sessions[1] = s;
            await InsertRowAsync(s, 1);
            return Refused;
        });
        var others = Enumerable.Range(2, 20).Select(i => WriteRowAsync(i)).ToList();
        await hold.ReleaseAsync();

        Assert.Equal(Refused, (await refusing).ShouldFail());
        Assert.All(await Task.WhenAll(others), r => Assert.True(r.IsSuccess));
        Assert.Equal(0, await CommittedAsync(1));
        Assert.Equal(20, await CommittedRowsAsync());
        AssertSharedTransactionOnSqlite([.. Enumerable.Range(1, 21).Select(i => (long)i)]);
    }

    /// <summary>
    /// Writes the database itself refuses (PostgreSQL takes no NUL in text; SQLite's primary key refuses a duplicate)
    /// fail only their own callers, however they interleave with good writes of the same statement from other callers.
    /// On PostgreSQL the refused statement had been auto-prepared by the good ones, and a good write on the same
    /// connection next failed ("unexpected backend message DataRow", npgsql/npgsql#6391) until the writer learned to
    /// unprepare a connection's statements after an operation threw.
    /// </summary>
    [Fact]
    public async Task WriteAsync_WritesTheDatabaseRefuses_NeverFailAnotherCallersGoodWrites()
    {
        await WriteRowAsync(0);
        var clients = Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
        {
            var answers = new List<string>();
            for (var round = 0; round < 50; round++)
            {
                var rowNo = 1 + client * 1000 + round;
                var refused = WriteAsync<Unit>(async s =>
                {
                    await InsertReturningAsync(s, Provider == DatabaseProvider.Postgres ? -rowNo : 0, "a\0b");
                    return Unit.Value;
                });
                var good = WriteAsync<Unit>(async s =>
                {
                    await InsertReturningAsync(s, rowNo, "good");
                    return Unit.Value;
                });
                var refusedAnswer = await Record.ExceptionAsync(() => refused);
                answers.Add($"{(refusedAnswer is null ? "written" : "refused")} then {((await good).IsSuccess ? "written" : "failed")}");
            }
            return answers;
        }, Ct)).ToList();

        var answers = (await Task.WhenAll(clients)).SelectMany(a => a).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int> { ["refused then written"] = 200 }, answers);
        Assert.Equal(201, await CommittedRowsAsync());
    }

    /// <summary>
    /// A row changed, then the row written by a statement that answers rows, with one set of parameters (as the ledger's
    /// adjustment is: the level, then the entry and its id).
    /// </summary>
    private static async Task<long> InsertReturningAsync(DbSession session, long rowNo, string label)
    {
        var parameters = new DynamicParameters(new { Tenant, RowNo = rowNo, Label = label });
        await session.Connection.ExecuteAsync("UPDATE data_test_row SET amount = 1 WHERE tenant_id = @Tenant AND row_no = 0", parameters, session.Transaction);
        return await session.Connection.ExecuteScalarAsync<long>(
            "INSERT INTO data_test_row (tenant_id, row_no, label, created_at_ms) VALUES (@Tenant, @RowNo, @Label, 0) RETURNING row_no",
            parameters, session.Transaction);
    }

    /// <summary>
    /// Runs <paramref name="failing"/> queued between a write of row 1 and one of row 3 (on SQLite all three in one batch)
    /// and checks those two were answered and committed; returns the outcome of <paramref name="failing"/>.
    /// </summary>
    private async Task<Result<Unit>> BetweenTwoWritesThatCommitAsync(Func<DbSession, Task<Result<Unit>>> failing)
    {
        var hold = await HoldWriterAsync();
        var before = WriteRowAsync(1);
        var middle = WriteAsync<Unit>(s =>
        {
            _sessions[2] = s;
            return failing(s);
        });
        var after = WriteRowAsync(3);
        await hold.ReleaseAsync();

        Assert.True((await before).IsSuccess);
        Assert.True((await after).IsSuccess);
        Assert.Equal(2, await CommittedAsync(1, 3));
        AssertSharedTransactionOnSqlite(1, 2, 3);
        return await middle;
    }

    /// <summary>On SQLite the operations ran in one transaction, so what kept the failure apart was its savepoint.</summary>
    private void AssertSharedTransactionOnSqlite(params long[] rowNos)
    {
        if (Provider == DatabaseProvider.Sqlite)
            Assert.Single(rowNos.Select(r => _sessions[r]).Distinct());
    }
}

public sealed class GroupCommitSqliteTests() : GroupCommitTests(DatabaseProvider.Sqlite);

public sealed class GroupCommitPostgresTests() : GroupCommitTests(DatabaseProvider.Postgres);
