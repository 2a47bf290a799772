using Microsoft.Extensions.DependencyInjection;
using UniRetail.Kernel;

namespace UniRetail.Data;

/// <summary>Reacts to <typeparamref name="TEvent"/> inside the transaction that published it.</summary>
public interface IDomainEventSubscriber<in TEvent> where TEvent : IDomainEvent
{
    /// <summary>Handles the event with the publisher's open session.</summary>
    Task HandleAsync(TEvent domainEvent, DbSession session, CancellationToken ct);
}

/// <summary>Finds the registered handlers of an event; the one place that asks the container for them.</summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    internal async Task DispatchAsync<TEvent>(TEvent domainEvent, DbSession session, CancellationToken ct) where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventSubscriber<TEvent>>())
            await handler.HandleAsync(domainEvent, session, ct);
    }
}
