using System.Collections.Concurrent;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Privacy;

/// <summary>A tenant's erased identifiers as of an erasure epoch.</summary>
internal sealed record Suppressed(TenantId Tenant, long Epoch, IReadOnlySet<string> Fingerprints, ErasureFingerprints Keyed)
{
    private readonly bool _withLegacy = Fingerprints.Any(ErasureFingerprints.IsLegacy);

    public bool IsEmpty => Fingerprints.Count == 0;

    public bool Contains(Identifier identifier) => Fingerprints.Count > 0 && Keyed.AnyIn(Fingerprints, _withLegacy, Tenant, identifier);

    /// <summary>Whether an incoming event names an erased person (see <see cref="ErasedIdentifiers"/>).</summary>
    public bool Names(TrackedEvent e, string sourceId) => !IsEmpty && ErasedIdentifiers.Names(e, sourceId, Contains);
}

/// <summary>
/// Whether an identifier was erased and must not be collected again. Each tenant's fingerprints are held in memory
/// (erasures are rare and the list is small) with the erasure epoch they were read at. A writer checks the epoch inside
/// its write (<see cref="InWriteAsync"/>), where an erasure cannot slip past it, and reads the list again only when it moved:
/// so another server's erasure is honoured at once, and no list is re-read on a timer.
/// </summary>
internal sealed class SuppressionList(Database database, SuppressionStore store, ErasureFingerprints fingerprints)
{
    private readonly ConcurrentDictionary<TenantId, Suppressed> _tenants = new();

    /// <summary>The tenant's list as this process last read it (read now when it has none, or when <paramref name="fresh"/>).</summary>
    public async Task<Suppressed> ForTenantAsync(TenantId tenant, CancellationToken ct, bool fresh = false)
    {
        if (!fresh && _tenants.TryGetValue(tenant, out var known))
            return known;
        // The epoch first: an erasure committing between the two reads then moves it past what the fingerprints show.
        var read = await database.ReadAsync(async c => new Suppressed(tenant, await store.EpochAsync(c, tenant), await store.FingerprintsAsync(c, tenant), fingerprints), ct);
        return _tenants[tenant] = read;
    }

    /// <summary>
    /// Inside a write: <paramref name="seen"/> when no erasure has moved the epoch since, otherwise the list as of now. The
    /// write holds the epoch until it commits, so every event it stores is either checked against an erasure or older than it.
    /// </summary>
    public async Task<Suppressed> InWriteAsync(DbSession session, Suppressed seen)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(seen);
        var epoch = await store.EpochInWriteAsync(session, seen.Tenant);
        if (epoch == seen.Epoch)
            return seen;
        // Kept even if this write rolls back: the next write compares epochs for equality and reads again.
        return _tenants[seen.Tenant] = new Suppressed(seen.Tenant, epoch, await store.FingerprintsAsync(session.Connection, seen.Tenant, session.Transaction), fingerprints);
    }
}
