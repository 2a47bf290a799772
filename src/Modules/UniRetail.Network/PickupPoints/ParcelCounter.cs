using UniRetail.Data;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain.PickupPoints;
using UniRetail.Network.Persistence;
using UniRetail.Orders.Contracts;
using UniRetail.Web;

namespace UniRetail.Network.PickupPoints;

/// <summary>
/// The shop's counter: the parcels its platforms send it (looked up by the shop's own tenant, so no other shop or tenant
/// reaches them), marking one arrived, handing one over with the customer's code, and sending an uncollected one back.
/// Each step moves the parcel with a conditional update and the platform's order with it (ready for pickup, completed,
/// cancelled) in one transaction; a wrong code is counted in a transaction of its own and writes nothing else.
/// </summary>
internal sealed class ParcelCounter(
    Database database, PickupPointStore store, IPickupOrders orders, HandoverCodes codes, ITenantDirectory tenants, TimeProvider clock)
{
    public const int MaxListed = 500;
    private const int LabelLength = 8;

    public async Task<Result<ParcelList>> ListAsync(Caller shop, string? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var wanted = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToLowerInvariant();
        if (wanted is not null && !ParcelStatuses.All.Contains(wanted))
            return PickupErrors.BadParcelStatus(status);
        var rows = await database.ReadAsync(c => store.ParcelsOfShopAsync(c, shop.Tenant, wanted, MaxListed), ct);
        if (rows.Count == 0)
            return new ParcelList([]);
        var holdDays = (await database.ReadAsync(c => store.PointsOfShopAsync(c, shop.Tenant), ct)).ToDictionary(p => (p.PlatformId, p.LocationId), p => p.HoldDays);
        var now = Now;
        var views = new List<ParcelView>(rows.Count);
        foreach (var row in rows)
            views.Add(await ViewAsync(row, holdDays.GetValueOrDefault((row.PlatformId, row.LocationId), PickupPointTerms.DefaultHoldDays), now, ct));
        return new ParcelList(views);
    }

    public async Task<Result<ParcelView>> ArriveAsync(Caller shop, string parcelId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var now = Now;
        var moved = await database.WriteAsync<ParcelRow>(async session =>
        {
            if (await store.ParcelAsync(session.Connection, session.Transaction, shop.Tenant, parcelId) is not { } parcel)
                return PickupErrors.UnknownParcel(parcelId);
            if (parcel.Status == ParcelStatuses.Cancelled)
                return PickupErrors.ParcelCancelled(parcel.ParcelId);
            if (parcel.Status != ParcelStatuses.Expected)
                return PickupErrors.AlreadyArrived(parcel.ParcelId, parcel.Status);
            if (!await store.MoveAsync(session, shop.Tenant, parcel.ParcelId, ParcelStatuses.Expected, ParcelStatuses.Arrived, now))
                return PickupErrors.Moved(parcel.ParcelId);
            var order = await orders.MoveAsync(session, new TenantId(parcel.PlatformId), new OrderId(parcel.OrderId), ParcelStep.Arrived, Actor(shop), ct);
            if (!order.IsSuccess)
                return PickupErrors.NotDispatched(parcel.ParcelId);
            return await store.ParcelAsync(session.Connection, session.Transaction, shop.Tenant, parcel.ParcelId) ?? parcel;
        }, ct);
        return await ViewAsync(moved, ct);
    }

    public async Task<Result<ParcelView>> HandOverAsync(Caller shop, string parcelId, HandoverRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Code))
            return Domain.NetworkErrors.Required("code");
        if (request.Code.Length > 32)
            return PickupErrors.WrongCode(0);
        var now = Now;
        var wrongCode = false;
        var outcome = await database.WriteAsync<ParcelRow>(async session =>
        {
            if (await store.ParcelAsync(session.Connection, session.Transaction, shop.Tenant, parcelId) is not { } parcel)
                return PickupErrors.UnknownParcel(parcelId);
            var open = Handable(parcel);
            if (!open.IsSuccess)
                return open.Error;
            if (ParcelRules.AttemptsLeft(parcel.FailedAttempts, parcel.LastFailedAtMs, now) == 0)
                return PickupErrors.Locked(ParcelRules.UnlocksAt(parcel.LastFailedAtMs!.Value));
            if (!codes.Matches(new TenantId(parcel.PlatformId), new OrderId(parcel.OrderId), request.Code))
            {
                // Committed on purpose: the count of wrong codes is what stops guessing.
                await store.CountFailedAttemptAsync(session, shop.Tenant, parcel.ParcelId, now, now - (long)ParcelRules.LockWindow.TotalMilliseconds);
                wrongCode = true;
                return await store.ParcelAsync(session.Connection, session.Transaction, shop.Tenant, parcel.ParcelId) ?? parcel;
            }
            var point = await store.PointAtAsync(session.Connection, session.Transaction, new TenantId(parcel.PlatformId), new LocationId(parcel.LocationId));
            if (!await store.MoveAsync(session, shop.Tenant, parcel.ParcelId, ParcelStatuses.Arrived, ParcelStatuses.HandedOver, now, point?.FeeMinor ?? 0))
                return PickupErrors.Moved(parcel.ParcelId);
            var order = await orders.MoveAsync(session, new TenantId(parcel.PlatformId), new OrderId(parcel.OrderId), ParcelStep.Collected, Actor(shop), ct);
            if (!order.IsSuccess)
                return PickupErrors.ParcelClosed(parcel.ParcelId, "closed by the platform");
            return await store.ParcelAsync(session.Connection, session.Transaction, shop.Tenant, parcel.ParcelId) ?? parcel;
        }, ct);
        if (!outcome.IsSuccess)
            return outcome.Error;
        if (wrongCode)
        {
            var left = ParcelRules.AttemptsLeft(outcome.Value.FailedAttempts, outcome.Value.LastFailedAtMs, now);
            return left == 0 ? PickupErrors.Locked(ParcelRules.UnlocksAt(outcome.Value.LastFailedAtMs!.Value)) : PickupErrors.WrongCode(left);
        }
        return await ViewAsync(outcome, ct);
    }

    /// <summary>Sends an uncollected parcel back: after its hold days, or at once when the platform cancelled the order.</summary>
    public async Task<Result<ParcelView>> ReturnAsync(Caller shop, string parcelId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var now = Now;
        var moved = await database.WriteAsync<ParcelRow>(async session =>
        {
            if (await store.ParcelAsync(session.Connection, session.Transaction, shop.Tenant, parcelId) is not { } parcel)
                return PickupErrors.UnknownParcel(parcelId);
            if (parcel.Status == ParcelStatuses.Expected)
                return PickupErrors.NotArrived(parcel.ParcelId);
            if (parcel.Status != ParcelStatuses.Arrived)
                return PickupErrors.ParcelClosed(parcel.ParcelId, parcel.Status);
            var point = await store.PointAtAsync(session.Connection, session.Transaction, new TenantId(parcel.PlatformId), new LocationId(parcel.LocationId));
            var from = ParcelRules.ReturnableFrom(parcel.ArrivedAtMs!.Value, point?.HoldDays ?? PickupPointTerms.DefaultHoldDays);
            if (!parcel.OrderCancelled && now < from.ToUnixTimeMilliseconds())
                return PickupErrors.NotDue(parcel.ParcelId, from);
            if (!parcel.OrderCancelled)
            {
                var order = await orders.MoveAsync(session, new TenantId(parcel.PlatformId), new OrderId(parcel.OrderId), ParcelStep.Uncollected, Actor(shop), ct);
                if (!order.IsSuccess)
                    return PickupErrors.ParcelClosed(parcel.ParcelId, "collected");
            }
            if (!await store.MoveAsync(session, shop.Tenant, parcel.ParcelId, ParcelStatuses.Arrived, ParcelStatuses.Returned, now))
                return PickupErrors.Moved(parcel.ParcelId);
            return await store.ParcelAsync(session.Connection, session.Transaction, shop.Tenant, parcel.ParcelId) ?? parcel;
        }, ct);
        return await ViewAsync(moved, ct);
    }

    private static Result<Unit> Handable(ParcelRow parcel) => parcel.Status switch
    {
        ParcelStatuses.Expected => PickupErrors.NotArrived(parcel.ParcelId),
        ParcelStatuses.Arrived when parcel.OrderCancelled => PickupErrors.ParcelCancelled(parcel.ParcelId),
        ParcelStatuses.Arrived => Unit.Value,
        ParcelStatuses.Cancelled => PickupErrors.ParcelCancelled(parcel.ParcelId),
        _ => PickupErrors.ParcelClosed(parcel.ParcelId, parcel.Status),
    };

    private async Task<Result<ParcelView>> ViewAsync(Result<ParcelRow> row, CancellationToken ct)
    {
        if (!row.IsSuccess)
            return row.Error;
        var point = await database.ReadAsync(c => store.PointAtAsync(c, null, new TenantId(row.Value.PlatformId), new LocationId(row.Value.LocationId)), ct);
        return await ViewAsync(row.Value, point?.HoldDays ?? PickupPointTerms.DefaultHoldDays, Now, ct);
    }

    private async Task<ParcelView> ViewAsync(ParcelRow row, int holdDays, long now, CancellationToken ct)
    {
        var currency = (await tenants.FindAsync(new TenantId(row.PlatformId), ct))?.Currency;
        static DateTimeOffset? At(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
        return new ParcelView(
            row.ParcelId, Label(row.OrderId), row.Status, DateTimeOffset.FromUnixTimeMilliseconds(row.PlacedAtMs), At(row.ArrivedAtMs), At(row.HandedOverAtMs),
            At(row.ReturnedAtMs),
            row.Status == ParcelStatuses.Arrived && row.ArrivedAtMs is { } arrived ? (row.OrderCancelled ? At(arrived) : ParcelRules.ReturnableFrom(arrived, holdDays)) : null,
            row.OrderCancelled,
            row.Status == ParcelStatuses.Arrived ? ParcelRules.AttemptsLeft(row.FailedAttempts, row.LastFailedAtMs, now) : 0,
            row.FeeMinor is { } fee && currency is not null ? MoneyView.From(Money.FromMinor(fee, currency)) : null);
    }

    /// <summary>What the platform prints on the parcel: the end of its order id, upper case.</summary>
    public static string Label(string orderId) => orderId.Length <= LabelLength ? orderId.ToUpperInvariant() : orderId[^LabelLength..].ToUpperInvariant();

    private static string Actor(Caller shop) => $"pickup_point@{shop.Tenant}";

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
