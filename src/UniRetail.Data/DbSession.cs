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

    internal DbSession(DbConnection connection, DbTransaction transaction, DatabaseProvider provider, DomainEventDispatcher events)
    {
        Connection = connection;
        Transaction = transaction;
        Provider = provider;
        _events = events;
    }

    /// <summary>The writer's connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The open transaction every statement must join.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>The engine, for the few statements whose SQL differs.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>Runs every handler of <typeparamref name="TEvent"/> in this transaction.</summary>
    public Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken ct) where TEvent : IDomainEvent =>
        _events.DispatchAsync(domainEvent, this, ct);
}
