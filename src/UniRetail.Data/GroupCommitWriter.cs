using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace UniRetail.Data;

/// <summary>
/// Group commit: write operations queue here and each writer lane runs whatever has queued up in one transaction,
/// each operation inside its own savepoint (a failed one is rolled back alone), then commits once and only then
/// answers every caller. Throughput rises with load while no caller is ever acknowledged before its commit.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private const int MaxAttempts = 8;
    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Func<CancellationToken, Task<DbConnection>> _openConnection;
    private readonly DatabaseOptions _options;
    private readonly DomainEventDispatcher _events;
    private readonly ILogger _logger;
    private readonly Task[] _lanes;

    public GroupCommitWriter(DatabaseOptions options, Func<CancellationToken, Task<DbConnection>> openConnection, DomainEventDispatcher events, ILogger logger)
    {
        _options = options;
        _openConnection = openConnection;
        _events = events;
        _logger = logger;
        _lanes = Enumerable.Range(0, Math.Max(1, options.WriterLanes)).Select(_ => Task.Run(RunLaneAsync)).ToArray();
    }

    public void Enqueue(WriteOperation operation)
    {
        if (!_queue.Writer.TryWrite(operation))
            operation.Fail(new ObjectDisposedException(nameof(GroupCommitWriter)));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_lanes);
    }

    private async Task RunLaneAsync()
    {
        var batch = new List<WriteOperation>(_options.MaxBatch);
        DbConnection? connection = null;
        HotCommands? hot = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var operation))
                {
                    if (operation.CancellationToken.IsCancellationRequested)
                        operation.Complete();
                    else
                        batch.Add(operation);
                }
                if (batch.Count == 0)
                    continue;
                try
                {
                    if (connection is null)
                    {
                        connection = await _openConnection(CancellationToken.None);
                        hot = new HotCommands(connection);
                    }
                    if (await RunBatchAsync(connection, hot!, batch))
                    {
                        // An operation threw: its statements may have left the connection's prepared ones out of step.
                        hot!.Dispose();
                        hot = null;
                        if (PreparedStatements.ForgetAfterFailure(connection))
                            hot = new HotCommands(connection);
                        else
                        {
                            await connection.DisposeAsync();
                            connection = null;
                        }
                    }
                }
                catch (Exception ex) when (TransientErrors.IsTransient(ex))
                {
                    foreach (var operation in batch)
                        Retry(operation);
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "A write batch of {Count} operations failed", batch.Count);
                    foreach (var operation in batch)
                        operation.Fail(ex);
                    hot?.Dispose();
                    hot = null;
                    if (connection is not null)
                    {
                        PreparedStatements.ForgetAfterFailure(connection);
                        await connection.DisposeAsync();
                    }
                    connection = null;
                }
            }
        }
        finally
        {
            hot?.Dispose();
            if (connection is not null)
                await connection.DisposeAsync();
        }
    }

    private static readonly string[] NoParameters = [];

    /// <summary>Runs and commits one batch; true when an operation threw (not a failed result).</summary>
    private async Task<bool> RunBatchAsync(DbConnection connection, HotCommands hot, List<WriteOperation> batch)
    {
        // A batch of one needs no savepoint: when it fails, the whole transaction is rolled back instead.
        var alone = batch.Count == 1;
        var retry = new HashSet<WriteOperation>();
        var committed = true;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var session = new DbSession(connection, transaction, _options.Provider, _events, hot);
            foreach (var operation in batch)
            {
                // Savepoints through kept commands: the driver's Save/Release/Rollback build a new command each time.
                if (!alone)
                    await hot.Bind(transaction, "SAVEPOINT op", NoParameters).ExecuteNonQueryAsync();
                bool succeeded;
                try
                {
                    succeeded = await operation.RunAsync(session);
                }
                catch (Exception ex) when (TransientErrors.IsTransient(ex))
                {
                    retry.Add(operation);
                    succeeded = false;
                }
                if (alone && !succeeded)
                {
                    await transaction.RollbackAsync();
                    committed = false;
                }
                else if (!alone)
                {
                    if (!succeeded)
                        await hot.Bind(transaction, "ROLLBACK TO SAVEPOINT op", NoParameters).ExecuteNonQueryAsync();
                    await hot.Bind(transaction, "RELEASE SAVEPOINT op", NoParameters).ExecuteNonQueryAsync();
                }
            }
            if (committed)
                await transaction.CommitAsync();
        }
        foreach (var operation in batch)
        {
            if (!retry.Contains(operation))
                operation.Complete();
        }
        foreach (var operation in retry)
            Retry(operation);
        return batch.Exists(o => o.Threw);
    }

    /// <summary>
    /// Queues a conflicted operation again after a short random pause that doubles with each attempt (1–2 ms, then up to
    /// 128 ms): retrying at once mostly meets the same conflict, and spreading the retries lets the lock holder finish.
    /// </summary>
    private void Retry(WriteOperation operation)
    {
        operation.Reset();
        if (++operation.Attempts >= MaxAttempts)
        {
            operation.Fail(new WriteContentionException(operation.Attempts));
            return;
        }
        var ceiling = 1 << Math.Min(operation.Attempts, 7);
        var pause = TimeSpan.FromMilliseconds(ceiling / 2.0 + Random.Shared.NextDouble() * ceiling / 2.0);
        _ = Task.Delay(pause).ContinueWith(_ => Enqueue(operation), TaskScheduler.Default);
    }
}
