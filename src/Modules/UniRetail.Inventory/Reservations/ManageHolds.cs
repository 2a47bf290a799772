using System.Security.Cryptography;
using System.Text;
using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Reservations;

internal sealed record HoldLine(string? Sku, string? LocationId, int Quantity);

/// <summary>Holds stock for a cart for a while; the hold expires unless confirmed. No reference: one is made up (<c>cart_…</c>).</summary>
internal sealed record HoldRequest(string? Reference, int? HoldMinutes, IReadOnlyList<HoldLine>? Lines);

internal sealed record HoldLineView(string Sku, string LocationId, int Quantity);

/// <summary>A cart's holds: <c>status</c> active (expiring at <c>expiresAt</c>), confirmed or released; lines in (SKU, location) order.</summary>
internal sealed record HoldView(string Reference, string Status, DateTimeOffset? ExpiresAt, IReadOnlyList<HoldLineView> Lines);

/// <summary>The cart's holds and whether they are those an earlier request with the same reference took.</summary>
internal sealed record HeldCart(HoldView Hold, bool Replayed);

/// <summary>
/// Cart holds through the API — the caller's own: store staff only where every held unit is at their store — and the
/// sweeper that returns expired holds to sale. An order's holds are never moved here; they move with the order's verbs.
/// </summary>
internal sealed class ManageHolds(Database database, IStockMovements movements, HoldStore holds, CartStore carts, StockTargets targets, TimeProvider clock)
{
    public const int DefaultHoldMinutes = 15;

    public async Task<Result<HeldCart>> HoldAsync(Caller caller, HoldRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var minutes = request.HoldMinutes ?? DefaultHoldMinutes;
        if (minutes is < 1 or > 1440)
            return InventoryErrors.BadHoldDuration();
        var reference = string.IsNullOrWhiteSpace(request.Reference) ? HoldReference.NewCart() : HoldReference.ForCart(request.Reference.Trim());
        if (!reference.IsSuccess)
            return reference.Error;
        var lines = await ResolveAsync(caller, request.Lines, ct);
        if (!lines.IsSuccess)
            return lines.Error;
        var now = clock.GetUtcNow();
        // Whole milliseconds, as stored: a replay reads the expiry back and must answer what the first request answered.
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(now.AddMinutes(minutes).ToUnixTimeMilliseconds());
        var hash = Hash(lines.Value);
        return await database.WriteAsync<HeldCart>(async session =>
        {
            if (!await carts.TryClaimAsync(session, caller.Tenant, reference.Value.Value, hash, caller.Store, expires.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()))
                return await ExistingAsync(session, caller.Tenant, reference.Value, hash);
            var held = await movements.HoldAsync(session, caller.Tenant, new StockHolds(reference.Value, lines.Value, expires, HoldPolicy.KeepSafetyStock), ct);
            if (!held.IsSuccess)
                return held.Error;
            var view = lines.Value.Select(l => new HoldLineView(l.Sku.Value, l.Location.Value, l.Quantity.Value));
            return new HeldCart(View(reference.Value, HoldStore.Active, expires, view), Replayed: false);
        }, ct);
    }

    public Task<Result<Unit>> ConfirmAsync(Caller caller, string? reference, CancellationToken ct) =>
        WithOpenCartAsync(caller, reference, async (session, cart) =>
            await holds.ConfirmAsync(session, caller.Tenant, cart) > 0 ? Unit.Value : InventoryErrors.HoldAlreadyConfirmed(cart.Value), ct);

    public Task<Result<Unit>> ReleaseAsync(Caller caller, string? reference, CancellationToken ct) =>
        WithOpenCartAsync(caller, reference, async (session, cart) =>
        {
            await movements.ReleaseAsync(session, caller.Tenant, cart, "released by caller", ct);
            return Unit.Value;
        }, ct);

    /// <summary>Releases every hold past its expiry, across tenants, and tells the owners (an order cancels itself). Returns how many references.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var expired = await database.WriteAsync<int>(async session =>
            {
                var due = await holds.ExpiredAsync(session, clock.GetUtcNow().ToUnixTimeMilliseconds(), 200);
                foreach (var hold in due)
                {
                    var tenant = new TenantId(hold.TenantId);
                    await movements.ReleaseAsync(session, tenant, hold.ToReference(), "hold expired", ct);
                    await session.PublishAsync(new StockHoldsExpired(tenant, hold.ToReference()), ct);
                }
                return due.Count;
            }, ct);
            total += expired.Value;
            if (expired.Value < 200)
                return total;
        }
    }

    /// <summary>Every line's SKU and location resolved in the tenant (the caller acting there), each (SKU, location) once, all before any write.</summary>
    private async Task<Result<IReadOnlyList<StockHoldLine>>> ResolveAsync(Caller caller, IReadOnlyList<HoldLine>? requested, CancellationToken ct)
    {
        if (requested is not { Count: > 0 })
            return InventoryErrors.NoLines("A hold");
        if (requested.Count > StockLimits.MaxHoldLines)
            return InventoryErrors.TooManyLines("A hold", StockLimits.MaxHoldLines);
        var locations = await targets.ResolveLocationsAsync(caller, requested.Select(l => l.LocationId).ToList(), i => $"lines[{i}].locationId", ct);
        if (!locations.IsSuccess)
            return locations.Error;
        var skus = await targets.ResolveSkusAsync(caller, requested.Select(l => l.Sku).ToList(), i => $"lines[{i}].sku", ct);
        if (!skus.IsSuccess)
            return skus.Error;
        var lines = new List<StockHoldLine>(requested.Count);
        var seen = new HashSet<(Sku, LocationId)>();
        for (var i = 0; i < requested.Count; i++)
        {
            var quantity = Quantity.Of(requested[i].Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            var (sku, location) = (skus.Value[i], locations.Value[i].Id);
            if (!seen.Add((sku, location)))
                return InventoryErrors.DuplicateHoldLine(sku, location, i);
            lines.Add(new StockHoldLine(sku, location, quantity.Value, $"lines[{i}].quantity"));
        }
        return lines;
    }

    /// <summary>The hold an earlier request with this reference took: the same one when its lines were these, else a conflict.</summary>
    private async Task<Result<HeldCart>> ExistingAsync(DbSession session, TenantId tenant, HoldReference reference, string hash)
    {
        var cart = await carts.FindAsync(session, tenant, reference.Value);
        if (cart.RequestHash != hash)
            return InventoryErrors.HoldReferenceReused(reference.Value);
        var rows = await holds.AllAsync(session.Connection, session.Transaction, tenant, reference);
        var status = rows.Any(r => r.Status == HoldStore.Active) ? HoldStore.Active
            : rows.Any(r => r.Status == HoldStore.Confirmed) ? HoldStore.Confirmed
            : HoldStore.Released;
        var expires = status == HoldStore.Active && cart.ExpiresAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return new HeldCart(View(reference, status, expires, rows.Select(r => new HoldLineView(r.Sku, r.Location, (int)r.Quantity))), Replayed: true);
    }

    private static HoldView View(HoldReference reference, string status, DateTimeOffset? expires, IEnumerable<HoldLineView> lines) =>
        new(reference.Value, status, expires, lines.OrderBy(l => l.Sku, StringComparer.Ordinal).ThenBy(l => l.LocationId, StringComparer.Ordinal).ToList());

    /// <summary>
    /// Runs <paramref name="work"/> on a cart with open holds the caller may move: any of the tenant's for tenant-wide keys,
    /// for store staff only one whose every held unit is at their store. A reference that names an order is refused.
    /// </summary>
    private async Task<Result<Unit>> WithOpenCartAsync(Caller caller, string? reference, Func<DbSession, HoldReference, Task<Result<Unit>>> work, CancellationToken ct)
    {
        var cart = HoldReference.ForCart(reference);
        if (!cart.IsSuccess)
            return cart.Error;
        return await database.WriteAsync(async session =>
        {
            var open = await holds.OpenAsync(session, caller.Tenant, cart.Value, null);
            if (open.Count == 0)
            {
                var orderHolds = await holds.OpenAsync(session, caller.Tenant, HoldReference.ForOrder(new OrderId(cart.Value.Value)), null);
                return orderHolds.Count > 0 ? InventoryErrors.OrderHold(cart.Value.Value) : InventoryErrors.UnknownHold(cart.Value.Value);
            }
            foreach (var location in open.Select(h => h.Location).Distinct())
            {
                if (caller.EnsureCanActAt(new LocationId(location), "reference") is { IsSuccess: false } denied)
                    return denied.Error;
            }
            return await work(session, cart.Value);
        }, ct);
    }

    /// <summary>The lines as requested, in request order: a retry sends the same body, so the same hash.</summary>
    private static string Hash(IEnumerable<StockHoldLine> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
            text.Append(line.Sku.Value).Append('\t').Append(line.Location.Value).Append('\t').Append(line.Quantity.ToString()).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
