using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Benefits;

/// <summary>Quotes and redeems points, coupons, wallet and gift card money for a basket.</summary>
internal sealed class RedeemBenefits(
    Database database, LoyaltyContext context, ProgramStore programs, AccountStore accounts, LotStore lots, AccountBook book, PurchaseStore purchases,
    CouponStore coupons, GiftCardStore giftCards, TimeProvider clock)
{
    private const string Basket = "basket";
    private const string PointsKind = "points";
    private const string WalletKind = "wallet";
    private const string GiftCardKind = "gift_card";

    public async Task<Result<BenefitQuote>> QuoteAsync(TenantId tenant, LoyaltyBasket basket, BenefitsToUse use, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(basket);
        ArgumentNullException.ThrowIfNull(use);
        var currency = await context.CurrencyAsync(tenant, ct);
        var valid = await ValidateAsync(null, tenant, basket, use, currency, ct);
        if (!valid.IsSuccess)
            return valid.Error;
        return await database.ReadAsync(async c =>
        {
            var program = await programs.FindAsync(c, tenant);
            var account = basket.Member is { } m ? await accounts.FindAsync(c, tenant, m) : null;
            var balances = EffectiveBalances.Of(account, basket.Member is { } member ? await lots.OpenLotsAsync(c, tenant, member) : [], clock.GetUtcNow());
            var maxPoints = program is null ? 0 : Math.Min(balances.Available, program.Redemption.MaxPointsFor(basket.Subtotal.MinorUnits));
            if (program is not null && maxPoints < program.Redemption.MinimumPoints)
                maxPoints = 0;
            var pointsValue = Money.Zero(currency);
            if (use.Points > 0)
            {
                var points = CheckPoints(program, use.Points, balances.Available, basket);
                if (!points.IsSuccess)
                    return points.Error;
                pointsValue = Money.FromMinor(points.Value, currency);
            }
            string? campaign = null, promotion = null;
            if (CouponRules.Normalise(use.Coupon) is { } code)
            {
                var coupon = await coupons.FindCodeAsync(c, tenant, code, basket.Member);
                if (coupon is null)
                    return LoyaltyErrors.UnknownCoupon("coupon");
                var checkedCoupon = CouponRules.Check(coupon, basket, "coupon");
                if (!checkedCoupon.IsSuccess)
                    return checkedCoupon.Error;
                (campaign, promotion) = (coupon.Campaign.CampaignId, coupon.Campaign.PromotionId);
            }
            var wallet = Money.FromMinor(account?.WalletMinor ?? 0, currency);
            if (use.Wallet is { } paying && paying.MinorUnits > wallet.MinorUnits)
                return LoyaltyErrors.WalletShort(wallet.ToString(), "wallet");
            if (use.GiftCard is { } card && CouponRules.Normalise(use.GiftCardCode) is { } cardCode)
            {
                var row = await giftCards.FindByCodeAsync(c, tenant, cardCode);
                if (row is null)
                    return LoyaltyErrors.UnknownGiftCard("giftCard.code");
                if (card.MinorUnits > row.BalanceMinor)
                    return LoyaltyErrors.GiftCardShort(Money.FromMinor(row.BalanceMinor, currency).ToString(), "giftCard.amount");
            }
            var tier = account?.Tier;
            return Result<BenefitQuote>.Success(new BenefitQuote(balances.Available, maxPoints, pointsValue, campaign, promotion, wallet, tier));
        }, ct);
    }

    public async Task<Result<BenefitRedemption>> RedeemAsync(DbSession session, TenantId tenant, string reference, LoyaltyBasket basket, BenefitsToUse use, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(basket);
        ArgumentNullException.ThrowIfNull(use);
        var currency = await context.CurrencyAsync(tenant, ct);
        var named = LoyaltyContext.Reference(reference, "reference");
        if (!named.IsSuccess)
            return named.Error;
        reference = named.Value;
        var valid = await ValidateAsync(session, tenant, basket, use, currency, ct);
        if (!valid.IsSuccess)
            return valid.Error;
        var code = CouponRules.Normalise(use.Coupon);
        var now = clock.GetUtcNow();
        var atMs = now.ToUnixTimeMilliseconds();
        // The claim comes first and writes nothing else: a retry (or a racing twin, once the first commits) stops here and replays.
        if (!await purchases.TryRedeemAsync(session, tenant, reference, Basket, "", basket.Subtotal.MinorUnits, 0, basket.Subtotal.MinorUnits, atMs))
            return await ReplayAsync(session, tenant, reference, basket, use, code, currency);
        var pointsValue = 0L;
        if (use.Points > 0 || use.Wallet is { MinorUnits: > 0 })
        {
            var member = basket.Member!.Value;
            var program = await programs.FindAsync(session, tenant);
            var account = await book.OpenAsync(session, tenant, member, currency, now, program);
            if (use.Points > 0)
            {
                var points = CheckPoints(program, use.Points, account.PointsAvailable, basket);
                if (!points.IsSuccess)
                    return points.Error;
                pointsValue = points.Value;
                var spent = await book.SpendAsync(session, tenant, member, use.Points, LedgerKinds.Redeem, reference, null, now, "points");
                if (!spent.IsSuccess)
                    return spent.Error;
                await purchases.TryRedeemAsync(session, tenant, reference, PointsKind, member.Value, use.Points, pointsValue, basket.Subtotal.MinorUnits, atMs);
                await session.PublishAsync(new PointsRedeemed(tenant, member, reference, use.Points, Money.FromMinor(pointsValue, currency), now), ct);
            }
            if (use.Wallet is { MinorUnits: > 0 } wallet)
            {
                if (!await book.MoveWalletAsync(session, tenant, member, -wallet.MinorUnits, LedgerKinds.Pay, reference, null, now))
                    return LoyaltyErrors.WalletShort(Money.FromMinor(account.WalletMinor, currency).ToString(), "wallet");
                await purchases.TryRedeemAsync(session, tenant, reference, WalletKind, member.Value, wallet.MinorUnits, wallet.MinorUnits, basket.Subtotal.MinorUnits, atMs);
            }
        }
        string? promotion = null;
        if (code is not null)
        {
            var coupon = await coupons.FindCodeAsync(session.Connection, tenant, code, basket.Member, session.Transaction);
            if (coupon is null)
                return LoyaltyErrors.UnknownCoupon("coupon");
            var checkedCoupon = CouponRules.Check(coupon, basket, "coupon");
            if (!checkedCoupon.IsSuccess)
                return checkedCoupon.Error;
            if (!await coupons.CountUseAsync(session, tenant, coupon, basket.Member))
                return LoyaltyErrors.CouponUsedUp("coupon");
            await coupons.TryInsertUseAsync(session, tenant, reference, coupon, basket.Member, atMs);
            promotion = coupon.Campaign.PromotionId;
            await session.PublishAsync(new CouponApplied(tenant, basket.Member, reference, code, coupon.Campaign.CampaignId, promotion, now, basket.Member is null ? basket.Guest : null), ct);
        }
        if (use.GiftCard is { MinorUnits: > 0 } card)
        {
            var row = await giftCards.FindByCodeAsync(session.Connection, tenant, CouponRules.Normalise(use.GiftCardCode)!, session.Transaction);
            if (row is null)
                return LoyaltyErrors.UnknownGiftCard("giftCard.code");
            if (!await giftCards.MoveAsync(session, tenant, row.GiftCardId, -card.MinorUnits))
                return LoyaltyErrors.GiftCardShort(Money.FromMinor((await giftCards.FindAsync(session.Connection, tenant, row.GiftCardId, session.Transaction))!.BalanceMinor, currency).ToString(), "giftCard.amount");
            await accounts.AppendAsync(session, tenant, new LedgerEntry(row.GiftCardId, LedgerKinds.Pay, 0, 0, -card.MinorUnits, null, reference, null, atMs));
            await purchases.TryRedeemAsync(session, tenant, reference, GiftCardKind, row.GiftCardId, card.MinorUnits, card.MinorUnits, basket.Subtotal.MinorUnits, atMs);
        }
        return new BenefitRedemption(reference, use.Points, Money.FromMinor(pointsValue, currency), code, promotion,
            use.Wallet ?? Money.Zero(currency), use.GiftCard ?? Money.Zero(currency), Replayed: false);
    }

    /// <summary>Checks the request's shape before anything is read: currencies, a member for points and wallet, the sum within the subtotal.</summary>
    private async Task<Result<Unit>> ValidateAsync(DbSession? session, TenantId tenant, LoyaltyBasket basket, BenefitsToUse use, Currency currency, CancellationToken ct)
    {
        if (!LoyaltyContext.SameCurrency(basket.Subtotal, currency, "subtotal").IsSuccess)
            return LoyaltyErrors.CurrencyMismatch(currency.Code, "subtotal");
        if (use.Points < 0)
            return LoyaltyErrors.OutOfRange("points", "is 0 or more");
        foreach (var (money, field) in new[] { (use.Wallet, "wallet"), (use.GiftCard, "giftCard.amount") })
        {
            if (money is { } m && m.Currency != currency)
                return LoyaltyErrors.CurrencyMismatch(currency.Code, field);
        }
        if (use.Coupon is not null && CouponRules.Normalise(use.Coupon) is null)
            return LoyaltyErrors.UnknownCoupon("coupon");
        if (use.GiftCard is { MinorUnits: > 0 } && CouponRules.Normalise(use.GiftCardCode) is null)
            return LoyaltyErrors.Required("giftCard.code");
        if ((use.Wallet?.MinorUnits ?? 0) + (use.GiftCard?.MinorUnits ?? 0) > basket.Subtotal.MinorUnits)
            return LoyaltyErrors.BenefitsAboveBasket("wallet");
        if (use.Points > 0 || use.Wallet is { MinorUnits: > 0 } || basket.Member is not null)
        {
            var member = session is null
                ? await context.MemberAsync(tenant, basket.Member, "memberId", ct)
                : await context.MemberAsync(session, tenant, basket.Member, "memberId", ct);
            if (!member.IsSuccess)
                return member.Error;
        }
        return Unit.Value;
    }

    /// <summary>The value of the asked points, or why the basket may not use them.</summary>
    private static Result<long> CheckPoints(LoyaltyProgram? program, long points, long available, LoyaltyBasket basket)
    {
        if (program is null)
            return LoyaltyErrors.NoProgram();
        var rule = program.Redemption;
        if (points < rule.MinimumPoints)
            return LoyaltyErrors.PointsBelowMinimum(rule.MinimumPoints, "points");
        if (points > available)
            return LoyaltyErrors.PointsAboveBalance(points, available, "points");
        var allowed = rule.MaxPointsFor(basket.Subtotal.MinorUnits);
        if (points > allowed)
            return LoyaltyErrors.PointsAboveAllowedShare(points, allowed, "points");
        return rule.ValueOf(points);
    }

    private async Task<Result<BenefitRedemption>> ReplayAsync(
        DbSession session, TenantId tenant, string reference, LoyaltyBasket basket, BenefitsToUse use, string? code, Currency currency)
    {
        var rows = (await purchases.RedemptionsAsync(session.Connection, tenant, reference, session.Transaction)).ToDictionary(r => r.Kind, StringComparer.Ordinal);
        var used = await coupons.UseOfAsync(session.Connection, tenant, reference, session.Transaction);
        long Amount(string kind) => rows.TryGetValue(kind, out var row) ? row.Amount : 0;
        var same = Amount(Basket) == basket.Subtotal.MinorUnits
            && Amount(PointsKind) == use.Points
            && Amount(WalletKind) == (use.Wallet?.MinorUnits ?? 0)
            && Amount(GiftCardKind) == (use.GiftCard?.MinorUnits ?? 0)
            && string.Equals(used?.Code, code, StringComparison.Ordinal);
        if (!same)
            return LoyaltyErrors.ReferenceReused(reference, "reference");
        return new BenefitRedemption(reference, use.Points, Money.FromMinor(rows.TryGetValue(PointsKind, out var p) ? p.ValueMinor : 0, currency), code,
            used?.PromotionId, Money.FromMinor(Amount(WalletKind), currency), Money.FromMinor(Amount(GiftCardKind), currency), Replayed: true);
    }
}
