using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Bags;

/// <summary>An open bag of the store's list: its member, how it was started, when it expires, its lines and units.</summary>
internal sealed record OpenBagView(string Id, string MemberId, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt, int Lines, long Units);

/// <summary>
/// A store's open bags (not checked out, not expired), newest first, for its staff at the store's own desk or an admin:
/// the shoppers being served in the aisles. A bag lives <see cref="BagRules.Lifetime"/>, so only the bags started within
/// it are read, through the <c>store_bag_open</c> index.
/// </summary>
internal sealed class ListOpenBags(Database database, BagStore bags, StoreLocations stores, TimeProvider clock)
{
    public async Task<Result<Slice<OpenBagView>>> HandleAsync(Caller caller, string? storeId, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(storeId))
            return StoreErrors.Required("storeId");
        var store = new LocationId(storeId.Trim());
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        var now = clock.GetUtcNow();
        var rows = await database.ReadAsync(c => bags.OpenAsync(c, caller.Tenant, store, (now - BagRules.Lifetime).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), page), ct);
        return Slice<OpenBagRow>.Of(rows, page, r => r.Position).Map(r => new OpenBagView(
            r.BagId, r.MemberId, r.StartedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.StartedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(r.ExpiresAtMs), (int)r.Lines, r.Units));
    }
}
