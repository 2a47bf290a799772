using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
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
    IOrderRouting router,
    IStockMovements stock,
    ISkuPricing catalog,
    ITenantDirectory tenants,
    ILocationDirectory locations,
    IMemberDirectory members,
    TimeProvider clock)
{
    /// <summary>How long an unpaid order holds its stock before it is cancelled and the stock goes back on sale.</summary>
    public static readonly TimeSpan PaymentWindow = TimeSpan.FromMinutes(30);

    private static readonly Error Duplicate = Error.Conflict("orders.duplicate", "replay");

    /// <summary>Routing reads committed stock; a concurrent order may take it before the hold. Route again this many times.</summary>
    private const int RoutingAttempts = 4;

    private const string StockTakenMeanwhile = "inventory.insufficient_stock";

    public async Task<Result<PlacedOrder>> HandleAsync(Caller caller, PlaceOrderRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(char.IsControl)))
            return OrderErrors.BadIdempotencyKey();
        // No look-up of the key up front: the write claims it first, and any failure of a keyed request checks for the
        // first order below. A first attempt (the common case) pays no extra read.
        var requestHash = idempotencyKey is null ? null : Hash(request);

        var draft = OrderDraft.Parse(request);
        if (!draft.IsSuccess)
            return draft.Error;
        // Whole milliseconds, as stored: the first answer and every replay of it carry the same placedAt.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var priced = await PriceAsync(caller, draft.Value, now, ct);
        if (!priced.IsSuccess)
            return priced.Error;
        var order = priced.Value;

        Result<Order> placed = default;
        for (var attempt = 0; attempt < RoutingAttempts; attempt++)
        {
            var routed = await RouteAsync(caller.Tenant, draft.Value, order, now, ct);
            if (!routed.IsSuccess)
            {
                placed = routed.Error;
                break;
            }
            placed = await database.WriteAsync(session => WriteAsync(session, caller, draft.Value, order, routed.Value, idempotencyKey, requestHash, now, ct), ct);
            if (placed.IsSuccess || placed.Error.Code is not (StockTakenMeanwhile or IOrderRouting.CapacityReached))
                break;
        }

        // A retry racing its first request fails here (the key is taken, or the first order took the last units the
        // retry routed on); once the first has committed, the retry gets that order back.
        if (!placed.IsSuccess && idempotencyKey is not null && await ReplayAsync(caller.Tenant, idempotencyKey, requestHash!, ct) is { } raced)
            return raced;
        return placed.Map(o => new PlacedOrder(OrderView.From(o), false));
    }

    /// <summary>Chooses the fulfilment locations on committed stock, outside the write, so the writer only writes.</summary>
    private async Task<Result<RoutedOrder>> RouteAsync(TenantId tenant, OrderDraft draft, Order order, DateTimeOffset now, CancellationToken ct)
    {
        var positions = await stock.PositionsAsync(tenant, order.Lines.Select(l => l.Sku).ToList(), ct);
        var atLocations = positions.Select(p => new StockAtLocation(p.Location, p.Sku, p.Available, p.Shelf)).ToList();
        return await router.DecideAsync(tenant, ToSourcing(draft, now), atLocations, ct);
    }

    /// <summary>
    /// Claims the idempotency key, the capacity and the stock the routing chose, and writes the order — all or nothing. When a
    /// concurrent order took the units (or the capacity) since they were read, nothing is written and the caller routes again.
    /// </summary>
    private async Task<Result<Order>> WriteAsync(DbSession session, Caller caller, OrderDraft draft, Order order, RoutedOrder routed,
        string? idempotencyKey, string? requestHash, DateTimeOffset now, CancellationToken ct)
    {
        var at = now.ToUnixTimeMilliseconds();
        if (idempotencyKey is not null && !await orders.TryClaimKeyAsync(session, caller.Tenant, idempotencyKey, order.Id, requestHash!, at))
            return Duplicate;
        var capacity = await router.AcceptAsync(session, caller.Tenant, order.Id, routed);
        if (!capacity.IsSuccess)
            return capacity.Error;
        var allocations = ToAllocations(order, routed.Allocations);
        var holdPolicy = draft.Fulfilment == FulfilmentType.InStorePurchase ? HoldPolicy.ShelfOnly : HoldPolicy.KeepSafetyStock;
        DateTimeOffset? expires = draft.PaymentCaptured ? null : now + PaymentWindow;
        var skuOf = order.Lines.ToDictionary(l => l.LineNo, l => l.Sku);
        var lines = allocations.Select(a => new StockHoldLine(skuOf[a.LineNo], a.Location, Quantity.FromStored(a.Quantity), $"lines[{a.LineNo - 1}].quantity")).ToList();
        var held = await stock.HoldAsync(session, caller.Tenant, new StockHolds(HoldReference.ForOrder(order.Id), lines, expires, holdPolicy), ct);
        if (!held.IsSuccess)
            return held.Error;
        var final = new Order
        {
            Id = order.Id, Channel = order.Channel, Fulfilment = order.Fulfilment, Member = order.Member, Store = order.Store,
            Destination = order.Destination, Currency = order.Currency, Lines = order.Lines, Allocations = allocations,
            Routing = routed.ExplanationJson, PlacedAt = now, Version = 1,
            Status = draft.Fulfilment == FulfilmentType.InStorePurchase ? OrderStatus.Completed
                : draft.PaymentCaptured ? OrderStatus.Allocated : OrderStatus.Placed,
        };
        await orders.InsertPlacedAsync(session, caller.Tenant, final, Actor(caller), at);
        if (final.Status == OrderStatus.Completed)
            await stock.ConsumeAsync(session, caller.Tenant, HoldReference.ForOrder(final.Id), null, ct);
        await session.PublishAsync(new OrderPlaced(caller.Tenant, final.Id, final.Member, final.Store, final.Channel, final.Fulfilment, final.Total, now), ct);
        return final;
    }

    /// <summary>Who did it, as order history records it: the role's API name, and a store-staff key's store (<c>store_staff@loc_…</c>).</summary>
    public static string Actor(Caller caller) => caller.Store is { } store ? $"{Roles.ToName(caller.Role)}@{store}" : Roles.ToName(caller.Role);

    private async Task<Result<Order>> PriceAsync(Caller caller, OrderDraft draft, DateTimeOffset now, CancellationToken ct)
    {
        if (caller.Role == Role.StoreStaff && draft.Store is null)
            return Error.Forbidden("identity.other_store", $"A store staff key places orders for its own store: give storeId {caller.Store}.", "storeId");
        var store = await ResolveStoreAsync(caller, draft, ct);
        if (!store.IsSuccess)
            return store.Error;
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
            PlacedAt = now,
        };
    }

    /// <summary>
    /// The order's store, looked up in the caller's tenant whatever the fulfilment type, and of a kind the type allows
    /// (never a warehouse); store staff may name only their own.
    /// </summary>
    private async Task<Result<Unit>> ResolveStoreAsync(Caller caller, OrderDraft draft, CancellationToken ct)
    {
        if (draft.Store is not { } id)
            return Unit.Value;
        if (await locations.FindAsync(caller.Tenant, id, ct) is not { } store)
            return OrderErrors.UnknownStore(id.Value);
        if (caller.Role == Role.StoreStaff && caller.EnsureCanActAt(store.Id, "storeId") is { IsSuccess: false } denied)
            return denied.Error;
        return FulfilmentRules.AllowsStoreAt(draft.Fulfilment, store.Kind) ? Unit.Value : OrderErrors.NotAStore(draft.Fulfilment, store.Code);
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
