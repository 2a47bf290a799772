using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;
using UniRetail.Web;

namespace UniRetail.Loyalty.StoredValue;

internal sealed record IssueGiftCardRequest(AmountRequest? Amount, string? Code, string? StoreId);

internal sealed record GiftCardView(string Id, string Code, MoneyView Balance, MoneyView Issued, DateTimeOffset IssuedAt)
{
    public static GiftCardView From(GiftCardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var currency = Currency.FromStored(row.Currency);
        return new GiftCardView(row.GiftCardId, row.Code, MoneyView.From(Money.FromMinor(row.BalanceMinor, currency)),
            MoneyView.From(Money.FromMinor(row.IssuedMinor, currency)), DateTimeOffset.FromUnixTimeMilliseconds(row.IssuedAtMs));
    }
}

/// <summary>Gift cards: issued with a balance (sold at a till or online), found by code, paid with through the benefits contract.</summary>
internal sealed class GiftCards(Database database, LoyaltyContext context, GiftCardStore cards, AccountStore ledger, ApplyBenefits apply, TimeProvider clock)
{
    public async Task<Result<GiftCardView>> IssueAsync(Caller caller, IssueGiftCardRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        var amount = AmountRequest.Parse(request.Amount, currency, "amount");
        if (!amount.IsSuccess)
            return amount.Error;
        if (amount.Value.MinorUnits == 0 || amount.Value.MinorUnits > 100_000_000)
            return LoyaltyErrors.OutOfRange("amount", "is more than 0 and at most 1,000,000 in major units");
        var code = request.Code is null ? NewCode() : CouponRules.Normalise(request.Code);
        if (code is null || code.Length < 8)
            return LoyaltyErrors.BadText("code", CouponRules.MaxCodeLength);
        var store = await apply.StoreAsync(caller, request.StoreId, ct);
        if (!store.IsSuccess)
            return store.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new GiftCardRow { GiftCardId = NewId.With("gft"), Code = code, Currency = currency.Code, IssuedMinor = amount.Value.MinorUnits, IssuedAtMs = now };
        return await database.WriteAsync<GiftCardView>(async session =>
        {
            if (!await cards.TryInsertAsync(session, caller.Tenant, row))
                return LoyaltyErrors.GiftCardTaken("code");
            await cards.MoveAsync(session, caller.Tenant, row.GiftCardId, row.IssuedMinor);
            await ledger.AppendAsync(session, caller.Tenant, new LedgerEntry(row.GiftCardId, LedgerKinds.TopUp, 0, 0, row.IssuedMinor, null, row.GiftCardId, store.Value?.Value, now));
            return GiftCardView.From((await cards.FindAsync(session.Connection, caller.Tenant, row.GiftCardId, session.Transaction))!);
        }, ct);
    }

    public async Task<Result<GiftCardView>> GetAsync(Caller caller, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var normalised = CouponRules.Normalise(code);
        var row = normalised is null ? null : await database.ReadAsync(c => cards.FindByCodeAsync(c, caller.Tenant, normalised), ct);
        return row is null ? LoyaltyErrors.UnknownGiftCard("code") : GiftCardView.From(row);
    }

    /// <summary>16 characters (about 78 bits) in groups a person can read out: a gift card's code is its bearer's money.</summary>
    private static string NewCode() => System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTVWXYZ23456789", 16);
}
