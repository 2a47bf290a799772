using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Benefits;

/// <summary>The contracts other modules call: one door over the use cases that do the work.</summary>
internal sealed class LoyaltyBenefits(
    RedeemBenefits redeem, EarnPoints earn, ReverseBenefits reverse, Database database, ProgramStore programs, AccountStore accounts, AccountBook book,
    LoyaltyContext context, TimeProvider clock)
    : ILoyaltyBenefits, ILoyaltyTiers
{
    public Task<Result<BenefitQuote>> QuoteAsync(TenantId tenant, LoyaltyBasket basket, BenefitsToUse use, CancellationToken ct) =>
        redeem.QuoteAsync(tenant, basket, use, ct);

    public Task<Result<BenefitRedemption>> RedeemAsync(DbSession session, TenantId tenant, string reference, LoyaltyBasket basket, BenefitsToUse use, CancellationToken ct) =>
        redeem.RedeemAsync(session, tenant, reference, basket, use, ct);

    public Task<Result<EarnedPoints>> EarnAsync(DbSession session, TenantId tenant, LoyaltyPurchase purchase, CancellationToken ct) =>
        earn.EarnAsync(session, tenant, purchase, ct);

    public Task<Result<ReturnedBenefits>> ReverseAsync(DbSession session, TenantId tenant, LoyaltyReturn returned, CancellationToken ct) =>
        reverse.ReverseAsync(session, tenant, returned, ct);

    public async Task<Result<Money>> RefundToWalletAsync(DbSession session, TenantId tenant, MemberId member, Money amount, string reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var currency = await context.CurrencyAsync(tenant, ct);
        if (amount.Currency != currency)
            return Domain.LoyaltyErrors.CurrencyMismatch(currency.Code, "amount");
        if (amount.MinorUnits < 0)
            return Domain.LoyaltyErrors.OutOfRange("amount", "is 0 or more");
        var known = await context.MemberAsync(session, tenant, member, "memberId", ct);
        if (!known.IsSuccess)
            return known.Error;
        if (amount.MinorUnits == 0)
            return amount;
        var now = clock.GetUtcNow();
        await book.OpenAsync(session, tenant, member, currency, now, await programs.FindAsync(session, tenant));
        await book.MoveWalletAsync(session, tenant, member, amount.MinorUnits, Domain.LedgerKinds.Refund, reference, "refund to wallet", now);
        return amount;
    }

    public Task<Result<VisitPoints>> RecordVisitAsync(DbSession session, TenantId tenant, MemberId member, LocationId store, DateTimeOffset at, CancellationToken ct) =>
        earn.RecordVisitAsync(session, tenant, member, store, at, ct);

    public Task<string?> TierOfAsync(TenantId tenant, MemberId member, CancellationToken ct) =>
        database.ReadAsync(async c =>
        {
            var account = await accounts.FindAsync(c, tenant, member);
            if (account?.Tier is not { } tier || account.TierUntilMs is not { } until || until > clock.GetUtcNow().ToUnixTimeMilliseconds())
                return account?.Tier;
            // The period has ended and the sweeper has not been by: answer the tier the member falls to now.
            var program = await programs.FindAsync(c, tenant);
            if (program is null)
                return tier;
            var now = clock.GetUtcNow();
            var (spend, points) = await accounts.RollingAsync(c, tenant, member, now.AddMonths(-12).ToUnixTimeMilliseconds(), null);
            return program.Tiers.Evaluate(tier, DateTimeOffset.FromUnixTimeMilliseconds(until), program.Tiers.Basis == Domain.TierBasis.Spend ? spend : points, now).Tier;
        }, ct);
}
