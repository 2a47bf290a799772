using Dapper;
using UniRetail.Kernel;

namespace UniRetail.Data.Invalidation;

/// <summary>A cache that must forget an item when any server changes it (a key revoked on one server is revoked on all).</summary>
public interface IInvalidationSubscriber
{
    /// <summary>The kind of item this cache holds (<c>api_key</c>, <c>write_key</c>, …).</summary>
    string Topic { get; }

    /// <summary>Forgets the item; called on every server, including the one that made the change, possibly more than once.</summary>
    void Invalidate(TenantId tenant, string item);
}

/// <summary>
/// Tells every server's caches that an item changed. <see cref="PublishAsync"/> appends the notice inside the change's own
/// transaction (so it exists exactly when the change does); each server's <see cref="InvalidationPoller"/> reads new
/// notices every <see cref="InvalidationPoller.Interval"/> and hands them to the subscribers of their topic.
/// </summary>
public sealed class Invalidations(IEnumerable<IInvalidationSubscriber> subscribers)
{
    private readonly ILookup<string, IInvalidationSubscriber> _byTopic = subscribers.ToLookup(s => s.Topic, StringComparer.Ordinal);

    /// <summary>
    /// Records the notice in the change's transaction and forgets the item here at once. A request that re-reads the item
    /// before the commit may cache the old row again; the poller applies the notice once more after the commit (it re-reads
    /// recent notices), so no cache keeps the old row for longer than <see cref="InvalidationPoller.Interval"/> after it.
    /// </summary>
    public async Task PublishAsync(DbSession session, TenantId tenant, string topic, string item, long atMs)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Connection.ExecuteAsync(
            "INSERT INTO data_invalidation (tenant_id, topic, item, at_ms) VALUES (@Tenant, @Topic, @Item, @At)",
            new { Tenant = tenant.Value, Topic = topic, Item = item, At = atMs }, session.Transaction);
        Apply(tenant, topic, item);
    }

    /// <summary>Applies a notice to this server's caches.</summary>
    public void Apply(TenantId tenant, string topic, string item)
    {
        foreach (var subscriber in _byTopic[topic])
            subscriber.Invalidate(tenant, item);
    }
}
