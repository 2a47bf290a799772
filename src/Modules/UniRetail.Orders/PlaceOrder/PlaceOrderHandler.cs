using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Members.Contracts;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using UniRetail.Orders.Persistence;
using UniRetail.Orders.Queries;
using UniRetail.Promotions.Contracts;

namespace UniRetail.Orders.PlaceOrder;

/// <summary>An order priced before its write: its lines and discounts, the lines' categories (for earn rules), the benefits to redeem.</summary>
internal sealed record PricedOrder(Order Order, IReadOnlyDictionary<Sku, string?> Categories, BenefitsToUse? Use);

/// <summary>The order and whether it is the replay of an earlier request with the same Idempotency-Key.</summary>
internal sealed record PlacedOrder(OrderView Order, bool Replayed);

/// <summary>
/// How an order is placed beyond its request: when it was sold (now, or an offline till sale's own time), whether the shelf
/// gave the goods up already (an offline till sale: book stock short of it becomes a discrepancy, not a refusal), and the
/// writes of the calling module that commit with the order (the till's sale row).
/// </summary>
internal sealed record Placement(DateTimeOffset At, bool SoldAlready = false, Func<DbSession, Order, Task<Result<Unit>>>? Alongside = null);

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
    IBasketPricing pricing,
    ILoyaltyBenefits loyalty,
    HandoverCodes handoverCodes,
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
        var placed = await PlaceAsync(caller, draft.Value, idempotencyKey, requestHash, new Placement(now), ct);
        if (!placed.IsSuccess)
            return placed.Error;
        var (order, replayed) = placed.Value;
        var view = OrderView.From(order);
        // A parcel for a pickup point: the customer's code to collect it there (derived, never stored; a replay answers it again).
        if (order.Fulfilment == FulfilmentType.PickupInStore && order.Store is { } store
            && await locations.FindAsync(caller.Tenant, store, ct) is { Kind: LocationKind.PickupPoint })
            view = view with { HandoverCode = handoverCodes.For(caller.Tenant, order.Id) };
        return new PlacedOrder(view, replayed);
    }

    /// <summary>Prices, routes, holds and writes a checked order (the order API's and the till's one path); a keyed retry answers the first.</summary>
    public async Task<Result<(Order Order, bool Replayed)>> PlaceAsync(
        Caller caller, OrderDraft draft, string? idempotencyKey, string? requestHash, Placement placement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var now = placement.At;
        var priced = await PriceAsync(caller, draft, now, ct);
        if (!priced.IsSuccess)
            return await DeniedAsync(caller, draft, null, priced.Error, now, ct);
        var order = priced.Value.Order;

        Result<Order> placed = default;
        for (var attempt = 0; attempt < RoutingAttempts; attempt++)
        {
            var routed = await RouteAsync(caller.Tenant, draft, order, placement, ct);
            if (!routed.IsSuccess)
            {
                placed = routed.Error;
                break;
            }
            placed = await database.WriteAsync(session => WriteAsync(session, caller, draft, priced.Value, routed.Value, idempotencyKey, requestHash, placement, ct), ct);
            if (placed.IsSuccess || placed.Error.Code is not (StockTakenMeanwhile or IOrderRouting.CapacityReached))
                break;
        }

        // A retry racing its first request fails here (the key is taken, or the first order took the last units the
        // retry routed on); once the first has committed, the retry gets that order back.
        if (!placed.IsSuccess && idempotencyKey is not null && await ReplayAsync(caller.Tenant, idempotencyKey, requestHash!, ct) is { } raced)
            return raced;
        if (!placed.IsSuccess)
            return await DeniedAsync(caller, draft, order.Id, placed.Error, now, ct);
        return (placed.Value, false);
    }

    /// <summary>
    /// A refused coupon enters the data bank as <c>Coupon Denied</c> on the member's profile, or the guest's the order names. The refused order wrote nothing,
    /// so the event is written in a transaction of its own. Returns the refusal.
    /// </summary>
    private async Task<Error> DeniedAsync(Caller caller, OrderDraft draft, OrderId? order, Error refusal, DateTimeOffset now, CancellationToken ct)
    {
        if (draft.Benefits.Coupon is { } code && (draft.Member is not null || draft.Benefits.Guest is not null) && refusal.Code is { } reason
            && (reason.StartsWith("loyalty.coupon_", StringComparison.Ordinal) || reason == "loyalty.unknown_coupon"))
        {
            var reference = (order ?? OrderId.New()).Value;
            await database.WriteAsync<Unit>(async session =>
            {
                await session.PublishAsync(new CouponDenied(caller.Tenant, draft.Member, reference, code, reason, now, draft.Benefits.Guest), ct);
                return Unit.Value;
            }, ct);
        }
        return refusal;
    }

    /// <summary>Chooses the fulfilment locations on committed stock, outside the write, so the writer only writes.</summary>
    private async Task<Result<RoutedOrder>> RouteAsync(TenantId tenant, OrderDraft draft, Order order, Placement placement, CancellationToken ct)
    {
        var positions = await stock.PositionsAsync(tenant, order.Lines.Select(l => l.Sku).ToList(), ct);
        var atLocations = positions.Select(p => new StockAtLocation(p.Location, p.Sku, p.Available, p.Shelf)).ToList();
        return await router.DecideAsync(tenant, ToSourcing(draft, placement.At) with { SoldAlready = placement.SoldAlready }, atLocations, ct);
    }

    /// <summary>
    /// Claims the idempotency key, the capacity and the stock the routing chose, and writes the order — all or nothing. When a
    /// concurrent order took the units (or the capacity) since they were read, nothing is written and the caller routes again.
    /// </summary>
    private async Task<Result<Order>> WriteAsync(DbSession session, Caller caller, OrderDraft draft, PricedOrder priced, RoutedOrder routed,
        string? idempotencyKey, string? requestHash, Placement placement, CancellationToken ct)
    {
        var order = priced.Order;
        var now = placement.At;
        var at = now.ToUnixTimeMilliseconds();
        if (idempotencyKey is not null && !await orders.TryClaimKeyAsync(session, caller.Tenant, idempotencyKey, order.Id, requestHash!, at))
            return Duplicate;
        var capacity = await router.AcceptAsync(session, caller.Tenant, order.Id, routed);
        if (!capacity.IsSuccess)
            return capacity.Error;
        var allocations = ToAllocations(order, routed.Allocations);
        var holdPolicy = placement.SoldAlready ? HoldPolicy.SoldAlready
            : draft.Fulfilment == FulfilmentType.InStorePurchase ? HoldPolicy.ShelfOnly : HoldPolicy.KeepSafetyStock;
        DateTimeOffset? expires = draft.PaymentCaptured ? null : now + PaymentWindow;
        var skuOf = order.Lines.ToDictionary(l => l.LineNo, l => l.Sku);
        var lines = allocations.Select(a => new StockHoldLine(skuOf[a.LineNo], a.Location, Quantity.FromStored(a.Quantity), $"lines[{a.LineNo - 1}].quantity")).ToList();
        var held = await stock.HoldAsync(session, caller.Tenant, new StockHolds(HoldReference.ForOrder(order.Id), lines, expires, holdPolicy), ct);
        if (!held.IsSuccess)
            return held.Error;
        var benefits = await ApplyBenefitsAsync(session, caller.Tenant, draft, priced, now, ct);
        if (!benefits.IsSuccess)
            return benefits.Error;
        var final = new Order
        {
            Id = order.Id, Channel = order.Channel, Fulfilment = order.Fulfilment, Member = order.Member, Store = order.Store,
            Destination = order.Destination, Currency = order.Currency, Lines = order.Lines, Allocations = allocations,
            Routing = routed.ExplanationJson, PlacedAt = now, Version = 1, Discounts = order.Discounts, Benefits = benefits.Value,
            Status = draft.Fulfilment == FulfilmentType.InStorePurchase ? OrderStatus.Completed
                : draft.PaymentCaptured ? OrderStatus.Allocated : OrderStatus.Placed,
        };
        await orders.InsertPlacedAsync(session, caller.Tenant, final, Actor(caller), at);
        if (final.Status == OrderStatus.Completed)
            await stock.ConsumeAsync(session, caller.Tenant, HoldReference.ForOrder(final.Id), null, ct);
        await session.PublishAsync(new OrderPlaced(caller.Tenant, final.Id, final.Member, final.Store, final.Channel, final.Fulfilment, final.Total, now), ct);
        if (placement.Alongside is { } alongside && await alongside(session, final) is { IsSuccess: false } refused)
            return refused.Error;
        return final;
    }

    /// <summary>
    /// In the order's transaction, after its stock is held: redeems the coupon, points, wallet and gift card money (Loyalty
    /// re-checks them under the account's lock; a refusal rolls the whole order back) and earns the member's pending points.
    /// The order id is the reference, claimed once: a retry with the same Idempotency-Key never reaches here.
    /// </summary>
    private async Task<Result<OrderBenefits>> ApplyBenefitsAsync(DbSession session, TenantId tenant, OrderDraft draft, PricedOrder priced, DateTimeOffset now, CancellationToken ct)
    {
        var order = priced.Order;
        if (draft.Member is null && !draft.Benefits.Any)
            return OrderBenefits.None;
        var total = order.Total;
        var benefits = OrderBenefits.None;
        if (draft.Benefits.Any)
        {
            var basket = new LoyaltyBasket(draft.Member, total, draft.Channel, draft.Store, now, draft.Benefits.Guest);
            var redeemed = await loyalty.RedeemAsync(session, tenant, order.Id.Value, basket, priced.Use!, ct);
            if (!redeemed.IsSuccess)
                return InOrderTerms(redeemed.Error);
            var r = redeemed.Value;
            benefits = new OrderBenefits(r.Coupon, r.Points, r.PointsValue.MinorUnits, r.Wallet.MinorUnits, r.GiftCard.MinorUnits, 0);
            if (benefits.PaidMinor > total.MinorUnits)
                return OrderErrors.BenefitsAboveTotal(total.ToString(), draft.Benefits.Points > 0 ? "points" : "wallet");
        }
        if (draft.Member is { } member)
        {
            var lines = order.Lines.Select(l => new PurchaseLine(l.LineNo.ToString(CultureInfo.InvariantCulture), l.Sku, priced.Categories.GetValueOrDefault(l.Sku), l.Total)).ToList();
            var earned = await loyalty.EarnAsync(session, tenant, new LoyaltyPurchase(order.Id.Value, member, draft.Channel, draft.Store, now, lines), ct);
            if (!earned.IsSuccess)
                return InOrderTerms(earned.Error);
            benefits = benefits with { PointsEarned = earned.Value.Points + earned.Value.BonusPoints };
        }
        return benefits;
    }

    /// <summary>A loyalty refusal with its field named as the order request names it (<c>coupon</c> → <c>coupons[0]</c>).</summary>
    private static Error InOrderTerms(Error error) => error.Field switch
    {
        "coupon" => error.AtField("coupons[0]"),
        "giftCard.amount" => error.AtField("giftCard.amount.amount"),
        "subtotal" or "reference" or "lines" => error.AtField("lines"),
        _ => error,
    };

    /// <summary>Who did it, as order history records it: the role's API name, and a store-staff key's store (<c>store_staff@loc_…</c>).</summary>
    public static string Actor(Caller caller) => caller.Store is { } store ? $"{Roles.ToName(caller.Role)}@{store}" : Roles.ToName(caller.Role);

    private async Task<Result<PricedOrder>> PriceAsync(Caller caller, OrderDraft draft, DateTimeOffset now, CancellationToken ct)
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
        var use = ToUse(draft.Benefits, tenant.Currency);
        if (!use.IsSuccess)
            return use.Error;
        var id = OrderId.New();
        // A tenant without an active promotion gives no discount to any basket: its orders take the catalog's prices and
        // skip the engine (the hot path of plain orders). Otherwise the order is priced exactly as POST /api/baskets/price would.
        var lines = await pricing.HasActivePromotionsAsync(caller.Tenant, ct)
            ? await PromotedLinesAsync(caller.Tenant, draft, use.Value, now, ct)
            : await CatalogLinesAsync(caller.Tenant, draft, ct);
        if (!lines.IsSuccess)
            return lines.Error;
        var (orderLines, discounts, categories) = lines.Value;
        var order = new Order
        {
            Id = id, Channel = draft.Channel, Fulfilment = draft.Fulfilment, Status = OrderStatus.Placed, Member = draft.Member,
            Store = draft.Store, Destination = draft.Destination, Currency = tenant.Currency, Lines = orderLines, Allocations = [], Routing = "{}",
            PlacedAt = now, Discounts = discounts,
        };
        return new PricedOrder(order, categories, draft.Benefits.Any ? use.Value : null);
    }

    private static Result<BenefitsToUse> ToUse(BenefitsDraft draft, Currency currency)
    {
        Money? wallet = null, gift = null;
        if (draft.Wallet is { } w)
        {
            var money = ToMoney(w, draft.WalletCurrency, currency, "wallet");
            if (!money.IsSuccess)
                return money.Error;
            wallet = money.Value;
        }
        if (draft.GiftCard is { } g)
        {
            var money = ToMoney(g, draft.GiftCardCurrency, currency, "giftCard.amount");
            if (!money.IsSuccess)
                return money.Error;
            gift = money.Value;
        }
        return new BenefitsToUse(draft.Points, draft.Coupon, wallet, draft.GiftCardCode, gift);
    }

    private static Result<Money> ToMoney(decimal amount, string? given, Currency currency, string field)
    {
        if (given is not null && !string.Equals(given, currency.Code, StringComparison.OrdinalIgnoreCase))
            return Error.Validation("orders.wrong_currency", $"This tenant sells in {currency.Code}, not {given}.", field + ".currency");
        return Money.Of(amount, currency, field + ".amount");
    }

    private async Task<Result<(List<OrderLine>, IReadOnlyList<OrderDiscount>, IReadOnlyDictionary<Sku, string?>)>> CatalogLinesAsync(
        TenantId tenant, OrderDraft draft, CancellationToken ct)
    {
        var prices = await catalog.PriceAsync(tenant, draft.Lines.Select(l => l.Sku).ToList(), draft.Channel, draft.Store, ct);
        var lines = new List<OrderLine>(draft.Lines.Count);
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            var (sku, quantity) = draft.Lines[i];
            if (!prices.TryGetValue(sku, out var price))
                return OrderErrors.UnknownSku(sku.Value, i);
            lines.Add(new OrderLine(i + 1, sku, price.Name, quantity, price.UnitPrice, 0));
        }
        IReadOnlyDictionary<Sku, string?> categories = draft.Member is null ? Empty : prices.ToDictionary(p => p.Key, p => (string?)p.Value.Category);
        return (lines, [], categories);
    }

    private static readonly Dictionary<Sku, string?> Empty = [];

    /// <summary>
    /// Prices through the promotions engine. A coupon is looked up first (on the basket as priced without it) for the
    /// promotion it unlocks; the basket is then priced with that promotion unlocked. The coupon is checked again, and
    /// counted, under Loyalty's lock when the order is written.
    /// </summary>
    private async Task<Result<(List<OrderLine>, IReadOnlyList<OrderDiscount>, IReadOnlyDictionary<Sku, string?>)>> PromotedLinesAsync(
        TenantId tenant, OrderDraft draft, BenefitsToUse use, DateTimeOffset now, CancellationToken ct)
    {
        var basketLines = draft.Lines.Select(l => new BasketLineToPrice(l.Sku, l.Quantity)).ToList();
        var basket = new BasketToPrice(draft.Channel, draft.Store, draft.Member, basketLines, Array.Empty<PromotionId>(), now);
        var priced = await pricing.PriceAsync(tenant, basket, ct);
        if (!priced.IsSuccess)
            return PricingError(priced.Error);
        if (use.Coupon is not null)
        {
            var quote = await loyalty.QuoteAsync(tenant, new LoyaltyBasket(draft.Member, priced.Value.Total, draft.Channel, draft.Store, now), new BenefitsToUse(Coupon: use.Coupon), ct);
            if (!quote.IsSuccess)
                return InOrderTerms(quote.Error);
            if (quote.Value.PromotionId is { } unlocked)
            {
                priced = await pricing.PriceAsync(tenant, basket with { UnlockedPromotionIds = [new PromotionId(unlocked)] }, ct);
                if (!priced.IsSuccess)
                    return PricingError(priced.Error);
            }
        }
        var lines = priced.Value.Lines.Select(l => new OrderLine(l.LineNo, l.Sku, l.Name, l.Quantity, l.UnitPrice, 0)
        {
            DiscountMinor = l.Discount.MinorUnits,
            Applied = l.Applied.Select(a => new OrderDiscount(a.Promotion.Value, a.Code, a.Name, a.Amount.MinorUnits)).ToList(),
        }).ToList();
        var discounts = priced.Value.Applied.Select(a => new OrderDiscount(a.Promotion.Value, a.Code, a.Name, a.Amount.MinorUnits)).ToList();
        // Earn rules read categories: only a member's order needs them.
        IReadOnlyDictionary<Sku, string?> categories = draft.Member is null ? Empty
            : (await catalog.PriceAsync(tenant, draft.Lines.Select(l => l.Sku).ToList(), draft.Channel, draft.Store, ct)).ToDictionary(p => p.Key, p => (string?)p.Value.Category);
        return (lines, discounts, categories);
    }

    /// <summary>The engine's refusals in the order's codes where the order already has one (an unknown SKU).</summary>
    private static Error PricingError(Error error) =>
        error.Field is { } field && field.StartsWith("lines[", StringComparison.Ordinal) && field.EndsWith("].sku", StringComparison.Ordinal)
            ? Error.NotFound("orders.unknown_sku", error.Message, field)
            : error;

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
    private async Task<Result<(Order Order, bool Replayed)>?> ReplayAsync(TenantId tenant, string key, string requestHash, CancellationToken ct)
    {
        var existing = await database.ReadAsync(async c =>
        {
            var found = await orders.FindByIdempotencyKeyAsync(c, null, tenant, key);
            return found is { } f ? (f.RequestHash, Order: await orders.LoadAsync(c, null, tenant, f.Order)) : default;
        }, ct);
        if (existing.Order is null)
            return null;
        return existing.RequestHash == requestHash
            ? Result<(Order, bool)>.Success((existing.Order, true))
            : Result<(Order, bool)>.Failure(OrderErrors.IdempotencyKeyReused());
    }

    private static string Hash(PlaceOrderRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
}
