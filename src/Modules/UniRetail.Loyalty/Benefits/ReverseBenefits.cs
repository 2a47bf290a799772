using System.Text.Json;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Benefits;

/// <summary>
/// A return: each returned line gives back its share of the points it earned (taken from the purchase's lot, pending or
/// not, then from the other available points; what was already spent is reported, never taken below zero), and what the
/// order paid with points, wallet and gift card is refunded pro rata to the returned share of its subtotal, or as told.
/// </summary>
internal sealed class ReverseBenefits(
    LoyaltyContext context, ProgramStore programs, AccountStore accounts, AccountBook book, PurchaseStore purchases, CouponStore coupons,
    GiftCardStore giftCards, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Stored(long Clawed, long NotRecovered, long PointsRefunded, long WalletMinor, long GiftCardMinor, bool CouponRestored, string? Tier);

    public async Task<Result<ReturnedBenefits>> ReverseAsync(DbSession session, TenantId tenant, LoyaltyReturn returned, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(returned);
        var currency = await context.CurrencyAsync(tenant, ct);
        var returnRef = LoyaltyContext.Reference(returned.ReturnReference, "returnReference");
        if (!returnRef.IsSuccess)
            return returnRef.Error;
        var orderRef = LoyaltyContext.Reference(returned.OrderReference, "orderReference");
        if (!orderRef.IsSuccess)
            return orderRef.Error;
        var lines = returned.Lines ?? [];
        if (lines.Count > LoyaltyContext.MaxLines)
            return LoyaltyErrors.TooMany("lines", LoyaltyContext.MaxLines, "lines");
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Amount.Currency != currency)
                return LoyaltyErrors.CurrencyMismatch(currency.Code, $"lines[{i}].amount");
        }
        foreach (var (money, field) in new[] { (returned.RefundWallet, "refundWallet"), (returned.RefundGiftCard, "refundGiftCard") })
        {
            if (money is { } m && m.Currency != currency)
                return LoyaltyErrors.CurrencyMismatch(currency.Code, field);
        }
        if (returned.RefundPoints is < 0)
            return LoyaltyErrors.OutOfRange("refundPoints", "is 0 or more");

        var purchase = await purchases.FindAsync(session.Connection, tenant, orderRef.Value, session.Transaction);
        var redemptions = (await purchases.RedemptionsAsync(session.Connection, tenant, orderRef.Value, session.Transaction)).ToDictionary(r => r.Kind, StringComparer.Ordinal);
        var memberId = purchase?.MemberId ?? redemptions.Values.FirstOrDefault(r => r.Kind is "points" or "wallet")?.AccountId;
        if (purchase is null && redemptions.Count == 0)
            return LoyaltyErrors.UnknownPurchase(orderRef.Value, "orderReference");
        var now = clock.GetUtcNow();
        var member = memberId is null ? (MemberId?)null : new MemberId(memberId);
        if (!await purchases.TryInsertReturnAsync(session, tenant, returnRef.Value, orderRef.Value, member ?? new MemberId(""), "{}", now.ToUnixTimeMilliseconds()))
        {
            var json = await purchases.FindReturnAsync(session, tenant, returnRef.Value);
            var earlier = JsonSerializer.Deserialize<Stored>(json!, Json)!;
            return ToResult(returnRef.Value, earlier, currency, replayed: true);
        }
        var program = await programs.FindAsync(session, tenant);
        AccountRow? account = member is { } m2 ? await book.OpenAsync(session, tenant, m2, currency, now, program) : null;

        var returnedMinor = 0L;
        var dues = new List<(string? Line, long Points)>(lines.Count + 1);
        if (purchase is null)
        {
            // A guest's purchase earned nothing, so it has no lines here: what comes back counts only toward the share of the
            // gift card money refunded (without it, a return paid back in cash what a gift card had paid).
            foreach (var line in lines)
                returnedMinor += line.Amount.MinorUnits;
        }
        else if (lines.Count > 0)
        {
            var byLine = (await purchases.LinesAsync(session, tenant, orderRef.Value)).ToDictionary(l => l.LineId, StringComparer.Ordinal);
            for (var i = 0; i < lines.Count; i++)
            {
                if (!byLine.TryGetValue(lines[i].LineId, out var line))
                    return LoyaltyErrors.UnknownLine(lines[i].LineId, $"lines[{i}].lineId");
                var amount = lines[i].Amount.MinorUnits;
                // Cumulative shares rounded down, so the line's last return takes exactly what its earlier returns left.
                var due = line.NetMinor == 0 ? 0 : Share(line.Points, line.ReturnedMinor + amount, line.NetMinor) - Share(line.Points, line.ReturnedMinor, line.NetMinor);
                if (!await purchases.ReturnLineAsync(session, tenant, orderRef.Value, line.LineId, amount, due))
                    return LoyaltyErrors.ReturnAbovePurchase($"lines[{i}].amount");
                byLine[line.LineId] = new PurchaseLineRow
                {
                    LineId = line.LineId, Sku = line.Sku, Category = line.Category, NetMinor = line.NetMinor, Points = line.Points, ReturnedMinor = line.ReturnedMinor + amount,
                };
                returnedMinor += amount;
                dues.Add((line.LineId, due));
            }
        }

        // Refunds first: points given back for the returned share of what was paid with points cover the claw-back before anything is lost.
        var refunds = await RefundAsync(session, tenant, orderRef.Value, returnRef.Value, returned, redemptions, returnedMinor, member, currency, now, program);
        if (!refunds.IsSuccess)
            return refunds.Error;
        var clawed = 0L;
        var notRecovered = 0L;
        if (returned.Cancelled && purchase is not null && member is { } buyer)
        {
            // The order never happened: its bonus goes back with its lines, and the purchase stops counting.
            if (purchase.BonusPoints > 0)
                dues.Add((null, purchase.BonusPoints));
            await accounts.UncountPurchaseAsync(session, tenant, buyer, purchase.BirthdayBonusYear);
        }
        foreach (var (lineId, due) in dues)
        {
            var note = lineId is null ? $"bonus of cancelled {orderRef.Value}" : $"returned line {lineId}";
            var taken = purchase!.LotId is { } lot ? await book.TakeFromLotAsync(session, tenant, member!.Value, lot, due, LedgerKinds.Reverse, returnRef.Value, note, now) : 0;
            var rest = due - taken;
            if (rest > 0)
            {
                var available = (await accounts.FindAsync(session.Connection, tenant, member!.Value, session.Transaction))!.PointsAvailable;
                var fromOthers = Math.Min(rest, available);
                if (fromOthers > 0)
                    await book.SpendAsync(session, tenant, member.Value, fromOthers, LedgerKinds.Reverse, returnRef.Value, note, now, "lines");
                taken += fromOthers;
                notRecovered += rest - fromOthers;
            }
            clawed += taken;
        }
        var restored = false;
        if (returned.RestoreCoupon && await coupons.UseOfAsync(session.Connection, tenant, orderRef.Value, session.Transaction) is { } use)
            restored = await coupons.RestoreAsync(session, tenant, orderRef.Value, use);
        var tier = account is null ? null
            : program is null ? account.Tier
            : await book.EvaluateTierAsync(session, tenant, member!.Value, (await accounts.FindAsync(session.Connection, tenant, member.Value, session.Transaction))!, program, now);
        var stored = new Stored(clawed, notRecovered, refunds.Value.Points, refunds.Value.Wallet, refunds.Value.GiftCard, restored, tier);
        await purchases.SetReturnResultAsync(session, tenant, returnRef.Value, JsonSerializer.Serialize(stored, Json));
        return ToResult(returnRef.Value, stored, currency, replayed: false);
    }

    private async Task<Result<(long Points, long Wallet, long GiftCard)>> RefundAsync(
        DbSession session, TenantId tenant, string orderRef, string returnRef, LoyaltyReturn returned, Dictionary<string, RedemptionRow> redemptions,
        long returnedMinor, MemberId? member, Currency currency, DateTimeOffset now, LoyaltyProgram? program)
    {
        var basket = redemptions.GetValueOrDefault("basket");
        if (basket is not null && returnedMinor > 0 && !await purchases.RefundAsync(session, tenant, orderRef, "basket", Math.Min(returnedMinor, basket.Amount - basket.Refunded)))
            return LoyaltyErrors.ReturnAbovePurchase("lines");
        var share = basket is null ? 0 : Math.Min(basket.Amount, basket.Refunded + returnedMinor);
        long Due(RedemptionRow row, long? told, string field, out Error? error)
        {
            error = null;
            var left = row.Amount - row.Refunded;
            if (told is { } exact)
            {
                if (exact > left)
                    error = LoyaltyErrors.OutOfRange(field, $"is at most {left} (what the order paid and was not refunded yet)");
                return exact;
            }
            var cumulative = basket is null || basket.Amount == 0 ? 0 : Share(row.Amount, share, basket.Amount);
            return Math.Clamp(cumulative - row.Refunded, 0, left);
        }
        long points = 0, wallet = 0, gift = 0;
        if (redemptions.GetValueOrDefault("points") is { } p)
        {
            points = Due(p, returned.RefundPoints, "refundPoints", out var error);
            if (error is not null)
                return error;
            if (points > 0)
            {
                await purchases.RefundAsync(session, tenant, orderRef, "points", points);
                await book.CreditAsync(session, tenant, member!.Value, LedgerKinds.Reverse, points, pending: false, "refund", returnRef, $"refund of points paid for {orderRef}", now, program);
            }
        }
        if (redemptions.GetValueOrDefault("wallet") is { } w)
        {
            wallet = Due(w, returned.RefundWallet?.MinorUnits, "refundWallet", out var error);
            if (error is not null)
                return error;
            if (wallet > 0)
            {
                await purchases.RefundAsync(session, tenant, orderRef, "wallet", wallet);
                await book.MoveWalletAsync(session, tenant, member!.Value, wallet, LedgerKinds.Refund, returnRef, null, now);
            }
        }
        if (redemptions.GetValueOrDefault("gift_card") is { } g)
        {
            gift = Due(g, returned.RefundGiftCard?.MinorUnits, "refundGiftCard", out var error);
            if (error is not null)
                return error;
            if (gift > 0)
            {
                await purchases.RefundAsync(session, tenant, orderRef, "gift_card", gift);
                await giftCards.MoveAsync(session, tenant, g.AccountId, gift);
                await accounts.AppendAsync(session, tenant, new LedgerEntry(g.AccountId, LedgerKinds.Refund, 0, 0, gift, null, returnRef, null, now.ToUnixTimeMilliseconds()));
            }
        }
        return (points, wallet, gift);
    }

    /// <summary><paramref name="whole"/> × <paramref name="part"/> / <paramref name="of"/>, rounded down, without overflowing on the way.</summary>
    private static long Share(long whole, long part, long of) => (long)((Int128)whole * part / of);

    private static ReturnedBenefits ToResult(string returnRef, Stored s, Currency currency, bool replayed) =>
        new(returnRef, s.Clawed, s.NotRecovered, s.PointsRefunded, Money.FromMinor(s.WalletMinor, currency), Money.FromMinor(s.GiftCardMinor, currency),
            s.CouponRestored, s.Tier, replayed);
}
