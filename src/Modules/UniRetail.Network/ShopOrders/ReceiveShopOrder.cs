using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.ShopOrders;

/// <summary>What arrived on one line, in the shop's units; a line left out arrived whole.</summary>
public sealed record ReceiveLineRequest(int? LineNo, int? Received, int? Damaged);

public sealed record ReceiveShopOrderRequest(IReadOnlyList<ReceiveLineRequest>? Lines);

/// <summary>
/// The delivery arrives: in one write the order becomes received, each line's received units go into the shop's stock
/// (its own SKU, cases × units a case), damaged and short units are recorded, and the platform's held cases leave its warehouse.
/// Receiving more than was delivered, or an order twice, writes nothing.
/// </summary>
internal sealed class ReceiveShopOrder(Database database, ShopOrderStore orders, IStockMovements stock, TimeProvider clock)
{
    public async Task<Result<ShopOrderView>> HandleAsync(Caller shop, string id, ReceiveShopOrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(request);
        var (order, lines) = await database.ReadAsync(async c =>
            await orders.FindAsync(c, null, shop.Tenant, id) is { } found ? ((ShopOrderRow?)found, await orders.LinesAsync(c, null, id)) : (null, []), ct);
        if (order is null)
            return NetworkErrors.UnknownShopOrder(id);
        var allowed = shop.EnsureCanActAt(new LocationId(order.LocationId), "id");
        if (!allowed.IsSuccess)
            return allowed.Error;
        if (order.Status != ShopOrderStore.Placed)
            return NetworkErrors.AlreadyReceived(id);
        var counted = Count(lines, request.Lines ?? []);
        if (!counted.IsSuccess)
            return counted.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var location = new LocationId(order.LocationId);
        return await database.WriteAsync<ShopOrderView>(async session =>
        {
            if (!await orders.MarkReceivedAsync(session, shop.Tenant, id, now))
                return NetworkErrors.AlreadyReceived(id);
            await orders.SetReceivedAsync(session, id, counted.Value.Select(c => (c.Line.LineNo, c.Received, c.Damaged)));
            await stock.ConsumeAsync(session, new TenantId(order.PlatformId), HoldReference.ForOrder(new OrderId(id)), new LocationId(order.WarehouseId), ct);
            foreach (var (line, received, _, field) in counted.Value.Where(c => c.Received > 0).OrderBy(c => c.Line.Sku, StringComparer.Ordinal))
            {
                var booked = await stock.ReceiveAsync(session, shop.Tenant, Sku.FromStored(line.Sku), location, Quantity.FromStored(received), id, field, ct);
                if (!booked.IsSuccess)
                    return booked.Error;
            }
            var after = await orders.FindAsync(session.Connection, session.Transaction, shop.Tenant, id);
            return ShopOrderView.From(after!, await orders.LinesAsync(session.Connection, session.Transaction, id));
        }, ct);
    }

    /// <summary>Each line's received and damaged units: as counted where the request names the line, the whole delivery otherwise.</summary>
    private static Result<IReadOnlyList<(ShopOrderLineRow Line, int Received, int Damaged, string Field)>> Count(
        IReadOnlyList<ShopOrderLineRow> lines, IReadOnlyList<ReceiveLineRequest> counts)
    {
        var byLine = new Dictionary<int, (int Received, int Damaged, string Field)>();
        for (var i = 0; i < counts.Count; i++)
        {
            var field = $"lines[{i}]";
            if (counts[i] is not { } count)
                return NetworkErrors.Required(field);
            if (count.LineNo is not { } lineNo || lines.All(l => l.LineNo != lineNo) || byLine.ContainsKey(lineNo))
                return NetworkErrors.UnknownOrderLine(count.LineNo, $"{field}.lineNo");
            var delivered = lines.First(l => l.LineNo == lineNo).DeliveredUnits;
            var damaged = count.Damaged ?? 0;
            var received = count.Received ?? delivered - damaged;
            if (received is < 0 or > Quantity.Max)
                return NetworkErrors.BadReceivedUnits($"{field}.received");
            if (damaged is < 0 or > Quantity.Max)
                return NetworkErrors.BadReceivedUnits($"{field}.damaged");
            if (received + damaged > delivered)
                return NetworkErrors.MoreThanDelivered(lineNo, delivered, $"{field}.received");
            byLine[lineNo] = (received, damaged, $"{field}.received");
        }
        return lines.Select(l => byLine.TryGetValue(l.LineNo, out var c)
            ? (l, c.Received, c.Damaged, c.Field)
            : (l, l.DeliveredUnits, 0, $"lines[{l.LineNo - 1}]")).ToList();
    }
}
