using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.ShopOrders;

/// <summary>A shop reads its own orders (one, or a page of them newest first); an id of another tenant's order is not found.</summary>
internal sealed class ShopOrderQueries(Database database, ShopOrderStore orders)
{
    public async Task<Result<ShopOrderView>> GetAsync(Caller shop, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var (order, lines) = await database.ReadAsync(async c =>
            await orders.FindAsync(c, null, shop.Tenant, id) is { } found ? ((ShopOrderRow?)found, await orders.LinesAsync(c, null, id)) : (null, []), ct);
        return order is null ? NetworkErrors.UnknownShopOrder(id) : ShopOrderView.From(order, lines);
    }

    /// <summary>
    /// A page of the shop's orders, newest first, without their lines (<see cref="GetAsync"/> reads an order's lines). A
    /// tenant that never ordered from a platform has none; a shop that left keeps its orders.
    /// </summary>
    public async Task<Slice<ShopOrderSummaryView>> ListAsync(Caller shop, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var rows = await database.ReadAsync(c => orders.ListAsync(c, shop.Tenant, page), ct);
        return Slice<ShopOrderRow>.Of(rows, page, ShopOrderStore.PositionOf).Map(ShopOrderSummaryView.From);
    }
}
