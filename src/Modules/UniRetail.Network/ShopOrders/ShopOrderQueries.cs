using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.ShopOrders;

/// <summary>A shop reads its own orders; an id of another tenant's order is not found.</summary>
internal sealed class ShopOrderQueries(Database database, ShopOrderStore orders)
{
    public async Task<Result<ShopOrderView>> GetAsync(Caller shop, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var (order, lines) = await database.ReadAsync(async c =>
            await orders.FindAsync(c, null, shop.Tenant, id) is { } found ? ((ShopOrderRow?)found, await orders.LinesAsync(c, null, id)) : (null, []), ct);
        return order is null ? NetworkErrors.UnknownShopOrder(id) : ShopOrderView.From(order, lines);
    }
}
