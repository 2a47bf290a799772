using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Fulfillment.Routing;
using UniRetail.Fulfillment.Sourcing;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using UniRetail.Orders.Persistence;
using UniRetail.Orders.Queries;

namespace UniRetail.Orders.PlaceOrder;

/// <summary>The order and whether it is the replay of an earlier request with the same Idempotency-Key.</summary>
internal sealed record PlacedOrder(OrderView Order, bool Replayed);

/// <summary>
/// Places an order from any channel: prices it from the catalog, routes it to the best location(s), holds the stock and
/// writes the order, all in one transaction. A retried request with the same Idempotency-Key returns the first order.
/// </summary>
internal sealed class PlaceOrderHandler(
    Database database,
    OrderStore orders,
    OrderRouter router,
    IStockMovements stock,
    ISkuPricing catalog,
    ITenantDirectory tenants,
    IMemberDirectory members,
    TimeProvider clock)
{
    /// <summary>How long an unpaid order holds its stock before it is cancelled and the stock goes back on sale.</summary>
    public static readonly TimeSpan PaymentWindow = TimeSpan.FromMinutes(30);

    private static readonly Error Duplicate = Error.Conflict("orders.duplicate", "replay");

    public async Task<Result<PlacedOrder>> HandleAsync(Caller caller, PlaceOrderRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(char.IsControl)))
            return OrderErrors.BadIdempotencyKey();
        var requestHash = idempotencyKey is null ? null : Hash(request);
        if (idempotencyKey is not null && await ReplayAsync(caller.Tenant, idempotencyKey, requestHash!, ct) is { } replay)
            return replay;


        var draft = OrderDraft.Parse(request);
        if (!draft.IsSuccess)
            return draft.Error!;
        var priced = await PriceAsync(caller, draft.Value, ct);
        if (!priced.IsSuccess)
            return priced.Error!;
        var order = priced.Value;
        var now = clock.GetUtcNow();

        var placed = await database.WriteAsync<Order>(async session =>
        {
            if (idempotencyKey is not null && !await orders.TryClaimKeyAsync(session, caller.Tenant, idempotencyKey, order.Id, requestHash!, now.ToUnixTimeMilliseconds()))
                return Duplicate;
            var allocated = await AllocateAsync(session, caller.Tenant, draft.Value, order, now, ct);
            if (!allocated.IsSuccess)
                return allocated.Error!;
            var (allocations, routing) = allocated.Value;
            var final = new Order
            {
                Id = order.Id, Channel = order.Channel, Fulfilment = order.Fulfilment, Member = order.Member, Store = order.Store,
                Destination = order.Destination, Currency = order.Currency, Lines = order.Lines, Allocations = allocations,
                Routing = routing, PlacedAt = now, Version = 1,
                Status = draft.Value.Fulfilment == FulfilmentType.InStorePurchase ? OrderStatus.Completed
                    : draft.Value.PaymentCaptured ? OrderStatus.Allocated : OrderStatus.Placed,
            };
            await orders.InsertAsync(session, caller.Tenant, final, now.ToUnixTimeMilliseconds());
            if (final.Status == OrderStatus.Completed)
                await stock.ConsumeAsync(session, caller.Tenant, final.Id.Value, null, ct);
            await orders.InsertDetailsAsync(session, caller.Tenant, final, Actor(caller), now.ToUnixTimeMilliseconds());
            await session.PublishAsync(new OrderPlaced(caller.Tenant, final.Id, final.Member, final.Store, final.Channel,
                FulfilmentTypes.ToName(final.Fulfilment), final.Total, now), ct);
            return final;
        }, ct);

        if (placed.Error == Duplicate && await ReplayAsync(caller.Tenant, idempotencyKey!, requestHash!, ct) is { } raced)
            return raced;
        return placed.Map(o => new PlacedOrder(OrderView.From(o), false));
    }

    /// <summary>
    /// Routes the order and holds its stock. When a concurrent order took the units between the read and the hold
    /// (PostgreSQL runs several writers), the attempt is rolled back and the order routed again on fresh stock.
    /// </summary>
    private async Task<Result<(List<Allocation> Allocations, string Routing)>> AllocateAsync(
        DbSession session, TenantId tenant, OrderDraft draft, Order order, DateTimeOffset now, CancellationToken ct)
    {
        const int attempts = 3;
        var holdPolicy = draft.Fulfilment == FulfilmentType.InStorePurchase ? HoldPolicy.ShelfOnly : HoldPolicy.KeepSafetyStock;
        DateTimeOffset? expires = draft.PaymentCaptured ? null : now + PaymentWindow;
        Result<(List<Allocation>, string)> outcome = default;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            outcome = await session.AttemptAsync(async () =>
            {
                var positions = await stock.PositionsAsync(session, tenant, order.Lines.Select(l => l.Sku).ToList(), ct);
                var atLocations = positions.Select(p => new StockAtLocation(p.Location, p.Sku, p.Available, p.Shelf)).ToList();
                var routed = await router.RouteAsync(session, tenant, ToSourcing(draft, now), atLocations, ct);
                if (!routed.IsSuccess)
                    return Result<(List<Allocation>, string)>.Failure(routed.Error!);
                var allocations = ToAllocations(order, routed.Value.Allocations);
                foreach (var allocation in allocations)
                {
                    var line = order.Lines.Single(l => l.LineNo == allocation.LineNo);
                    var held = await stock.HoldAsync(session, tenant,
                        new StockHold(line.Sku, allocation.Location, Quantity.FromStored(allocation.Quantity), order.Id.Value, expires, holdPolicy), ct);
                    if (!held.IsSuccess)
                        return held.Error!.AtField($"lines[{line.LineNo - 1}].quantity");
                }
                return (allocations, routed.Value.ExplanationJson);
            });
            if (outcome.IsSuccess || outcome.Error!.Code != "inventory.insufficient_stock")
                break;
        }
        return outcome;
    }

    public static string Actor(Caller caller) => caller.Store is { } store ? $"{caller.Role}@{store}" : caller.Role.ToString();

    private async Task<Result<Order>> PriceAsync(Caller caller, OrderDraft draft, CancellationToken ct)
    {
        if (draft.Store is { } store && caller.Role == Role.StoreStaff && caller.Store != store)
            return caller.EnsureCanActAt(store, "storeId").Error!;
        if (!caller.CanWriteCommerce || (caller.Role == Role.StoreStaff && draft.Store is null))
            return Error.Forbidden("identity.role_forbidden", $"The {caller.Role} role cannot place this order.");
        var tenant = (await tenants.FindAsync(caller.Tenant, ct))!;
        if (draft.Currency is { } currency && !string.Equals(currency, tenant.Currency.Code, StringComparison.OrdinalIgnoreCase))
            return OrderErrors.WrongCurrency(currency, tenant.Currency.Code);
        if (draft.Member is { } member && !await members.ExistsAsync(caller.Tenant, member, ct))
            return OrderErrors.UnknownMember(member.Value);
        var prices = await catalog.PriceAsync(caller.Tenant, draft.Lines.Select(l => l.Sku).ToList(), draft.Channel, draft.Store, ct);
        var lines = new List<OrderLine>(draft.Lines.Count);
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            var (sku, quantity) = draft.Lines[i];
            if (!prices.TryGetValue(sku, out var price))
                return OrderErrors.UnknownSku(sku.Value, i);
            lines.Add(new OrderLine(i + 1, sku, price.Name, quantity, price.UnitPrice, 0));
        }
        return new Order
        {
            Id = OrderId.New(), Channel = draft.Channel, Fulfilment = draft.Fulfilment, Status = OrderStatus.Placed, Member = draft.Member,
            Store = draft.Store, Destination = draft.Destination, Currency = tenant.Currency, Lines = lines, Allocations = [], Routing = "{}",
            PlacedAt = clock.GetUtcNow(),
        };
    }

    private static SourcingRequest ToSourcing(OrderDraft draft, DateTimeOffset now) =>
        new(draft.Fulfilment, draft.Lines.Select(l => new SourcingLine(l.Sku, l.Quantity)).ToList(), draft.Destination, draft.Store, now);

    private static List<Allocation> ToAllocations(Order order, IEnumerable<SourcingAllocation> sourced)
    {
        var lineNumbers = order.Lines.ToDictionary(l => l.Sku, l => l.LineNo);
        return sourced.Select(s => new Allocation(lineNumbers[s.Sku], s.Location, s.Quantity.Value)).OrderBy(a => a.LineNo).ToList();
    }

    /// <summary>The order an earlier request with this key placed; null when there is none.</summary>
    private async Task<Result<PlacedOrder>?> ReplayAsync(TenantId tenant, string key, string requestHash, CancellationToken ct)
    {
        var existing = await database.ReadAsync(async c =>
        {
            var found = await orders.FindByIdempotencyKeyAsync(c, null, tenant, key);
            return found is { } f ? (f.RequestHash, Order: await orders.LoadAsync(c, null, tenant, f.Order)) : default;
        }, ct);
        if (existing.Order is null)
            return null;
        return existing.RequestHash == requestHash
            ? Result<PlacedOrder>.Success(new PlacedOrder(OrderView.From(existing.Order), true))
            : Result<PlacedOrder>.Failure(OrderErrors.IdempotencyKeyReused());
    }

    private static string Hash(PlaceOrderRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
}
