using System.Collections.Concurrent;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Privacy;

/// <summary>
/// Whether an identifier was erased and must not be collected again. Each tenant's fingerprints are held in memory
/// (erasures are rare and the list is small) and re-read every 30 seconds, and at once after an erasure in this process;
/// the projector checks again before it stores anything, so another server's erasure is honoured there too.
/// </summary>
internal sealed class SuppressionList(Database database, SuppressionStore store, TimeProvider clock)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<TenantId, (DateTimeOffset Expires, HashSet<string> Fingerprints)> _tenants = new();

    /// <summary>A check for the tenant's erased identifiers, or null when it has none (the common case costs nothing).</summary>
    public async Task<Func<Identifier, bool>?> ForTenantAsync(TenantId tenant, CancellationToken ct, bool fresh = false)
    {
        if (fresh || !_tenants.TryGetValue(tenant, out var entry) || entry.Expires <= clock.GetUtcNow())
        {
            var fingerprints = await database.ReadAsync(c => store.FingerprintsAsync(c, tenant), ct);
            entry = (clock.GetUtcNow() + TimeToLive, fingerprints);
            _tenants[tenant] = entry;
        }
        var set = entry.Fingerprints;
        return set.Count == 0 ? null : identifier => set.Contains(identifier.Fingerprint(tenant));
    }

    public void Forget(TenantId tenant) => _tenants.TryRemove(tenant, out _);
}
