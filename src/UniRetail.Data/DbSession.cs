using System.Data.Common;
using UniRetail.Kernel;

namespace UniRetail.Data;

/// <summary>
/// One open write transaction, handed to a write operation by the <see cref="Database"/>. Stores run their SQL on
/// <see cref="Connection"/> inside <see cref="Transaction"/>; several modules' writes share it so they commit together.
/// </summary>
public sealed class DbSession
{
    private readonly DomainEventDispatcher _events;

    private readonly HotCommands _hot;

    internal DbSession(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, DomainEventDispatcher events, HotCommands hot)
    {
        Connection = connection;
        Transaction = transaction;
        Provider = provider;
        _events = events;
        _hot = hot;
    }

    /// <summary>The writer's connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The open transaction every statement must join.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>The engine, for the few statements whose SQL differs.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>
    /// Executes one of the place-order path's hot statements with a command kept on the writer connection (see
    /// <see cref="HotCommands"/>); everything else uses Dapper. Values are given in the order of <paramref name="parameterNames"/>.
    /// </summary>
    public Task<int> ExecuteHotAsync(string sql, IReadOnlyList<string> parameterNames, params object?[] values) =>
        BindHot(sql, parameterNames, values).ExecuteNonQueryAsync();

    /// <summary>The kept command for <paramref name="sql"/> in this transaction, its values set (a <see cref="BulkInsert"/> reads from it too).</summary>
    internal DbCommand BindHot(string sql, IReadOnlyList<string> parameterNames, object?[] values) =>
        _hot.Bind(Transaction, sql, parameterNames, values);

    /// <summary>
    /// Runs one statement for each row of values (in the order of <paramref name="parameterNames"/>), in few round trips
    /// on PostgreSQL (see <see cref="StatementBatch"/>); returns the rows affected in all.
    /// </summary>
    public Task<int> ExecuteManyAsync(string sql, IReadOnlyList<string> parameterNames, IEnumerable<object?[]> rows) =>
        StatementBatch.ExecuteAsync(Connection, Transaction, _hot, sql, parameterNames, rows);

    /// <summary>Runs every handler of <typeparamref name="TEvent"/> in this transaction.</summary>
    public Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct) where TEvent : IDomainEvent =>
        _events.DispatchAsync(domainEvent, this, ct);
}
