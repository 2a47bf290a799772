using System.Globalization;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Benefits;

/// <summary>Points for purchases (pending until the return window closes) and for store visits.</summary>
internal sealed class EarnPoints(LoyaltyContext context, ProgramStore programs, AccountStore accounts, AccountBook book, PurchaseStore purchases, ILocationDirectory locations)
{
    public async Task<Result<EarnedPoints>> EarnAsync(DbSession session, TenantId tenant, LoyaltyPurchase purchase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(purchase);
        var currency = await context.CurrencyAsync(tenant, ct);
        var reference = LoyaltyContext.Reference(purchase.Reference, "reference");
        if (!reference.IsSuccess)
            return reference.Error;
        var lines = Lines(purchase.Lines, currency);
        if (!lines.IsSuccess)
            return lines.Error;
        var member = await context.MemberAsync(session, tenant, purchase.Member, "memberId", ct);
        if (!member.IsSuccess)
            return member.Error;
        if (purchase.Store is { } store && await locations.FindAsync(tenant, store, ct) is null)
            return LoyaltyErrors.UnknownStore(store.Value, "storeId");
        var now = purchase.At;
        var net = lines.Value.Sum(l => l.Net.MinorUnits);
        if (!await purchases.TryInsertAsync(session, tenant, reference.Value, member.Value, SalesChannels.ToName(purchase.Channel), purchase.Store?.Value, net, now.ToUnixTimeMilliseconds()))
        {
            var earlier = (await purchases.FindAsync(session.Connection, tenant, reference.Value, session.Transaction))!;
            if (earlier.MemberId != member.Value.Value || earlier.NetMinor != net)
                return LoyaltyErrors.ReferenceReused(reference.Value, "reference");
            var tierNow = (await book.OpenAsync(session, tenant, member.Value, currency, now, await programs.FindAsync(session, tenant))).Tier;
            return new EarnedPoints(reference.Value, earlier.Points, earlier.BonusPoints, null, tierNow, Replayed: true);
        }
        var program = await programs.FindAsync(session, tenant);
        var account = await book.OpenAsync(session, tenant, member.Value, currency, now, program);
        var tierMultiplier = program?.Tiers.Find(account.Tier)?.EarnMultiplier ?? 1m;
        var rows = lines.Value.Select(l => new PurchaseLineRow
        {
            LineId = l.LineId, Sku = l.Sku.Value, Category = l.Category, NetMinor = l.Net.MinorUnits,
            Points = program?.Earn.PointsFor(l.Net, l.Sku.Value, l.Category, tierMultiplier) ?? 0,
        }).ToList();
        var points = rows.Sum(r => r.Points);
        var bonus = 0L;
        int? birthdayYear = null;
        if (program is not null)
        {
            if (account.Purchases == 0)
                bonus += program.Earn.FirstPurchaseBonus;
            if (program.Earn.BirthdayBonus > 0 && account.Birthday is { Length: 5 } birthday
                && int.Parse(birthday[..2], CultureInfo.InvariantCulture) == now.Month && account.BirthdayBonusYear != now.Year)
            {
                bonus += program.Earn.BirthdayBonus;
                birthdayYear = now.Year;
            }
        }
        string? lot = null;
        var pending = program is { PendingDays: > 0 };
        if (points + bonus > 0)
        {
            lot = await book.CreditAsync(session, tenant, member.Value, pending ? LedgerKinds.Pend : LedgerKinds.Earn, points + bonus, pending, "purchase",
                reference.Value, bonus > 0 ? $"{bonus} bonus points" : null, now, program);
        }
        await purchases.InsertLinesAsync(session, tenant, reference.Value, rows);
        await purchases.SetEarnedAsync(session, tenant, reference.Value, points, bonus, birthdayYear, lot);
        await accounts.CountPurchaseAsync(session, tenant, member.Value, birthdayYear);
        var tier = program is null ? account.Tier : await book.EvaluateTierAsync(session, tenant, member.Value, account, program, now);
        var releaseAt = lot is not null && pending ? program!.ReleaseAt(now) : (DateTimeOffset?)null;
        if (points + bonus > 0)
            await session.PublishAsync(new PointsEarned(tenant, member.Value, reference.Value, points, bonus, releaseAt, now), ct);
        return new EarnedPoints(reference.Value, points, bonus, releaseAt, tier, Replayed: false);
    }

    public async Task<Result<VisitPoints>> RecordVisitAsync(DbSession session, TenantId tenant, MemberId member, LocationId store, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var known = await context.MemberAsync(tenant, member, "memberId", ct);
        if (!known.IsSuccess)
            return known.Error;
        var location = await locations.FindAsync(tenant, store, ct);
        if (location is null || location.Kind == LocationKind.Warehouse)
            return LoyaltyErrors.UnknownStore(store.Value, "storeId");
        var currency = await context.CurrencyAsync(tenant, ct);
        var program = await programs.FindAsync(session, tenant);
        var points = program?.Earn.StoreVisitBonus ?? 0;
        var day = location.LocalDay(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!await purchases.TryVisitAsync(session, tenant, member, store, day, points, at.ToUnixTimeMilliseconds()))
            return new VisitPoints(0, Replayed: true);
        await book.OpenAsync(session, tenant, member, currency, at, program);
        if (points > 0)
            await book.CreditAsync(session, tenant, member, LedgerKinds.Earn, points, pending: false, "visit", $"visit:{store.Value}:{day}", null, at, program);
        return new VisitPoints(points, Replayed: false);
    }

    private static Result<IReadOnlyList<PurchaseLine>> Lines(IReadOnlyList<PurchaseLine>? lines, Currency currency)
    {
        if (lines is null || lines.Count == 0)
            return LoyaltyErrors.Required("lines");
        if (lines.Count > LoyaltyContext.MaxLines)
            return LoyaltyErrors.TooMany("lines", LoyaltyContext.MaxLines, "lines");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Net.Currency != currency)
                return LoyaltyErrors.CurrencyMismatch(currency.Code, $"lines[{i}].net");
            if (!seen.Add(line.LineId))
                return LoyaltyErrors.Duplicate($"Line '{line.LineId}'", $"lines[{i}].lineId");
        }
        return Result<IReadOnlyList<PurchaseLine>>.Success(lines);
    }
}
