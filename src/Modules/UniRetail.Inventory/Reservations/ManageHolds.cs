using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Inventory.Movements;
using UniRetail.Inventory.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Reservations;

internal sealed record HoldLine(string? Sku, string? LocationId, int Quantity);

/// <summary>Holds stock for a cart (or an external order) for a while; the hold expires unless confirmed.</summary>
internal sealed record HoldRequest(string? Reference, int? HoldMinutes, IReadOnlyList<HoldLine>? Lines);

internal sealed record HoldView(string Reference, DateTimeOffset ExpiresAt, int Lines);

/// <summary>Cart holds through the API, and the sweeper that returns expired holds to sale.</summary>
internal sealed class ManageHolds(Database database, IStockMovements movements, HoldStore holds, StockTargets targets, TimeProvider clock)
{
    public const int DefaultHoldMinutes = 15;

    public async Task<Result<HoldView>> HoldAsync(Caller caller, HoldRequest request, CancellationToken ct)
    {
        var minutes = request.HoldMinutes ?? DefaultHoldMinutes;
        if (minutes is < 1 or > 1440)
            return InventoryErrors.BadHoldDuration();
        if (request.Lines is not { Count: > 0 } lines)
            return Error.Validation("inventory.no_lines", "A hold has at least one line.", "lines");
        var reference = string.IsNullOrWhiteSpace(request.Reference) ? NewId.With("cart") : request.Reference.Trim();
        var expires = clock.GetUtcNow().AddMinutes(minutes);
        var stockHolds = new List<StockHold>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var target = await targets.ResolveAsync(caller, lines[i].Sku, lines[i].LocationId, ct, $"lines[{i}].sku", $"lines[{i}].locationId");
            var quantity = Quantity.Of(lines[i].Quantity, $"lines[{i}].quantity");
            if (!target.IsSuccess || !quantity.IsSuccess)
                return (target.Error ?? quantity.Error)!;
            stockHolds.Add(new StockHold(target.Value.Sku, target.Value.Location.Id, quantity.Value, reference, expires, HoldPolicy.KeepSafetyStock));
        }
        return await database.WriteAsync<HoldView>(async session =>
        {
            for (var i = 0; i < stockHolds.Count; i++)
            {
                var held = await movements.HoldAsync(session, caller.Tenant, stockHolds[i], ct);
                if (!held.IsSuccess)
                    return held.Error.AtField($"lines[{i}].quantity");
            }
            return new HoldView(reference, expires, stockHolds.Count);
        }, ct);
    }

    public Task<Result<Unit>> ConfirmAsync(Caller caller, string reference, CancellationToken ct) =>
        WriteIfAllowedAsync(caller, async session =>
            await holds.ConfirmAsync(session, caller.Tenant, reference) > 0 ? Unit.Value : InventoryErrors.UnknownHold(reference), ct);

    public Task<Result<Unit>> ReleaseAsync(Caller caller, string reference, CancellationToken ct) =>
        WriteIfAllowedAsync(caller, async session =>
            await movements.ReleaseAsync(session, caller.Tenant, reference, "released by caller", ct) > 0 ? Unit.Value : InventoryErrors.UnknownHold(reference), ct);

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
                    await movements.ReleaseAsync(session, tenant, hold.Reference, "hold expired", ct);
                    await session.PublishAsync(new StockHoldsExpired(tenant, hold.Reference), ct);
                }
                return due.Count;
            }, ct);
            total += expired.Value;
            if (expired.Value < 200)
                return total;
        }
    }

    private Task<Result<Unit>> WriteIfAllowedAsync(Caller caller, Func<DbSession, Task<Result<Unit>>> work, CancellationToken ct) =>
        caller.CanWriteCommerce
            ? database.WriteAsync(work, ct)
            : Task.FromResult(Result<Unit>.Failure(Error.Forbidden("identity.role_forbidden", $"The {caller.Role} role cannot change stock.")));
}
