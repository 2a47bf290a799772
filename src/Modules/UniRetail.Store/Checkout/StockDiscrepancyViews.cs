using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Web.Paging;

namespace UniRetail.Store.Checkout;

/// <summary>Units a till sold that the book stock lacked: <c>orderId</c> sold them; the store counts the SKU to settle it.</summary>
internal sealed record DiscrepancyView(string Id, string Sku, int Units, string OrderId, DateTimeOffset FoundAt);

/// <summary>The store's stock discrepancies (offline sales beyond book stock), oldest first, one page at a time.</summary>
internal sealed class StoreDiscrepancies(StoreLocations stores, IStockDiscrepancies discrepancies, Cursors cursors)
{
    public async Task<Result<Page<DiscrepancyView>>> ListAsync(Caller caller, LocationId store, int? limit, string? cursor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        return await cursors.PageAsync(caller, $"discrepancies:{store.Value}", limit, cursor, async page =>
            (await discrepancies.ListAsync(caller.Tenant, store, page, ct)).Map(d => new DiscrepancyView(d.Id, d.Sku.Value, d.Units, d.Reference, d.FoundAt)));
    }
}
