using System.Data.Common;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Tills;

/// <summary>
/// A till's day: open with a float, move cash in and out, read the running X report, close with the counted cash and take
/// the Z report once. Store staff act at their own store; a session of another store is not found there.
/// </summary>
internal sealed class TillSessions(Database database, TillStore tills, StoreLocations stores, TimeProvider clock)
{
    private const int MaxReason = 200;
    private const int MaxReference = 64;

    public async Task<Result<TillSessionView>> OpenAsync(Caller caller, LocationId store, string? till, OpenTillRequest? request, string openedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        if (!TillIds.IsValid(till))
            return StoreErrors.BadTill(till, "tillId");
        var currency = await stores.CurrencyAsync(caller.Tenant, ct);
        var openingFloat = TillAmountRequest.Parse(request?.Float, currency, "float");
        if (!openingFloat.IsSuccess)
            return openingFloat.Error;
        var row = new TillSessionRow(
            NewId.With("till"), store.Value, till!, "open", currency.Code, openingFloat.Value.MinorUnits, clock.GetUtcNow().ToUnixTimeMilliseconds(), openedBy,
            null, null, null, null);
        return await database.WriteAsync<TillSessionView>(async session =>
            await tills.TryOpenAsync(session, caller.Tenant, row)
                ? TillSessionView.From(row, await ReportAsync(session.Connection, caller.Tenant, row, session.Transaction))
                : StoreErrors.TillAlreadyOpen(till!, "tillId"), ct);
    }

    public async Task<Result<TillSessionView>> GetAsync(Caller caller, LocationId store, string sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        return await database.ReadAsync<Result<TillSessionView>>(async c =>
            await tills.FindAsync(c, caller.Tenant, store, sessionId) is { } row
                ? TillSessionView.From(row, await ReportAsync(c, caller.Tenant, row))
                : StoreErrors.UnknownTillSession(sessionId, "sessionId"), ct);
    }

    public async Task<Result<TillSessionView>> CurrentAsync(Caller caller, LocationId store, string? till, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        if (!TillIds.IsValid(till))
            return StoreErrors.BadTill(till, "tillId");
        return await database.ReadAsync<Result<TillSessionView>>(async c =>
            await tills.FindOpenAsync(c, caller.Tenant, store, till!) is { } row
                ? TillSessionView.From(row, await ReportAsync(c, caller.Tenant, row))
                : StoreErrors.NoOpenSession(till!, "tillId"), ct);
    }

    public async Task<Result<CashMovementView>> MoveCashAsync(Caller caller, LocationId store, string sessionId, CashMovementRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        var kind = request?.Kind?.Trim().ToLowerInvariant();
        if (kind is not ("in" or "out"))
            return kind is null ? StoreErrors.Required("kind") : StoreErrors.BadMovementKind(request?.Kind, "kind");
        var amount = TillAmountRequest.Parse(request!.Amount, await stores.CurrencyAsync(caller.Tenant, ct), "amount");
        if (!amount.IsSuccess)
            return amount.Error;
        if (amount.Value.MinorUnits == 0)
            return StoreErrors.NotPositive("amount.amount");
        var reason = request.Reason?.Trim();
        if (reason is { Length: > MaxReason } || (reason?.Any(char.IsControl) ?? false))
            return StoreErrors.BadText("reason", MaxReason);
        var reference = request.Reference?.Trim();
        if (reference is { Length: 0 or > MaxReference } || (reference?.Any(char.IsControl) ?? false))
            return StoreErrors.BadText("reference", MaxReference);
        var movement = new CashMovementRow(reference ?? NewId.With("cash"), kind, amount.Value.MinorUnits, reason, clock.GetUtcNow().ToUnixTimeMilliseconds());
        return await database.WriteAsync<CashMovementView>(async session =>
        {
            var row = await tills.FindAsync(session.Connection, caller.Tenant, store, sessionId, session.Transaction);
            if (row is null)
                return StoreErrors.UnknownTillSession(sessionId, "sessionId");
            if (!await tills.LockOpenAsync(session, caller.Tenant, store, sessionId))
                return StoreErrors.TillSessionClosed(sessionId, "sessionId");
            if (await tills.FindMovementAsync(session, caller.Tenant, sessionId, movement.Reference) is { } earlier)
                return earlier.Kind == movement.Kind && earlier.AmountMinor == movement.AmountMinor
                    ? View(earlier, amount.Value.Currency, replayed: true)
                    : StoreErrors.MovementReused(movement.Reference, "reference");
            if (kind == "out")
            {
                var drawer = TillReport.From(await tills.TotalsAsync(session.Connection, caller.Tenant, sessionId, session.Transaction), FloatOf(row), null).ExpectedCash;
                if (drawer.Amount < amount.Value.Amount)
                    return StoreErrors.CashShort(drawer, "amount.amount");
            }
            await tills.TryAddMovementAsync(session, caller.Tenant, sessionId, movement);
            return View(movement, amount.Value.Currency, replayed: false);
        }, ct);
    }

    public async Task<Result<TillSessionView>> CloseAsync(Caller caller, LocationId store, string sessionId, CloseTillRequest? request, string closedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        var counted = TillAmountRequest.Parse(request?.Counted, await stores.CurrencyAsync(caller.Tenant, ct), "counted");
        if (!counted.IsSuccess)
            return counted.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<TillSessionView>(async session =>
        {
            if (await tills.FindAsync(session.Connection, caller.Tenant, store, sessionId, session.Transaction) is not { } row)
                return StoreErrors.UnknownTillSession(sessionId, "sessionId");
            // The lock first: a sale or movement still writing to this session commits before the totals are read.
            if (!await tills.LockOpenAsync(session, caller.Tenant, store, sessionId))
                return StoreErrors.TillSessionClosed(sessionId, "sessionId");
            var totals = await tills.TotalsAsync(session.Connection, caller.Tenant, sessionId, session.Transaction);
            var z = TillReportView.From(TillReport.From(totals, FloatOf(row), counted.Value));
            await tills.CloseAsync(session, caller.Tenant, store, sessionId, counted.Value.MinorUnits, closedBy, now, z.ToJson());
            var closed = row with { Status = "closed", ClosedAtMs = now, ClosedBy = closedBy, CountedMinor = counted.Value.MinorUnits };
            return TillSessionView.From(closed, z);
        }, ct);
    }

    private async Task<TillReportView> ReportAsync(DbConnection connection, TenantId tenant, TillSessionRow row, DbTransaction? transaction = null) =>
        row.ZReportJson is { } z
            ? TillReportView.FromJson(z)
            : TillReportView.From(TillReport.From(await tills.TotalsAsync(connection, tenant, row.SessionId, transaction), FloatOf(row), null));

    private static Money FloatOf(TillSessionRow row) => Money.FromMinor(row.FloatMinor, Currency.FromStored(row.Currency));

    private static CashMovementView View(CashMovementRow row, Currency currency, bool replayed) =>
        new(row.Reference, row.Kind, Web.MoneyView.From(Money.FromMinor(row.AmountMinor, currency)), row.Reason, DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs), replayed);
}

/// <summary>A till's id within its store, chosen by the store: <c>T1</c>, <c>front-2</c>.</summary>
internal static class TillIds
{
    public static bool IsValid(string? till) =>
        till is { Length: >= 1 and <= 32 } && till.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
