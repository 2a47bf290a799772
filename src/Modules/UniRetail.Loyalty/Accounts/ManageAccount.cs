using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;
using UniRetail.Web;

namespace UniRetail.Loyalty.Accounts;

internal sealed record LotView(string LotId, string Source, string? Reference, long Points, long Remaining, string Status, DateTimeOffset EarnedAt, DateTimeOffset ReleaseAt, DateTimeOffset? ExpiresAt);

internal sealed record LedgerEntryView(string Kind, long Points, long Pending, long Value, string? LotId, string? Reference, string? Note, DateTimeOffset At);

internal sealed record CouponCodeView(string Code, string CampaignId, long Used, long? MaxUses);

/// <summary>A member's account: balances (due releases and expiries applied), tier, open lots, codes issued to them, recent entries.</summary>
internal sealed record AccountView(
    string MemberId, long PointsAvailable, long PointsPending, MoneyView Wallet, string? Tier, DateTimeOffset? TierUntil, bool FreeDelivery, string? Birthday,
    IReadOnlyList<LotView> Lots, IReadOnlyList<CouponCodeView> Coupons, IReadOnlyList<LedgerEntryView> Recent);

internal sealed record AdjustmentRequest(long? Points, string? Reason, string? Reference);

internal sealed record TopUpRequest(AmountRequest? Amount, string? Reference, string? StoreId);

internal sealed record BirthdayRequest(int? Month, int? Day);

/// <summary>Reads and staff actions on one member's account.</summary>
internal sealed class ManageAccount(
    Database database, LoyaltyContext context, ProgramStore programs, AccountStore accounts, LotStore lots, CouponStore coupons, PurchaseStore purchases, AccountBook book,
    ApplyBenefits apply, TimeProvider clock)
{
    public const int RecentEntries = 50;
    private const string TopUpKind = "top_up";

    public async Task<Result<AccountView>> GetAsync(Caller caller, MemberId member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var known = await context.MemberAsync(caller.Tenant, member, "memberId", ct);
        if (!known.IsSuccess)
            return known.Error;
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        return await database.ReadAsync(async c =>
        {
            var account = await accounts.FindAsync(c, caller.Tenant, member);
            var program = await programs.FindAsync(c, caller.Tenant);
            var balances = EffectiveBalances.Of(account, await lots.OpenLotsAsync(c, caller.Tenant, member), clock.GetUtcNow());
            var recent = await accounts.RecentAsync(c, caller.Tenant, member.Value, RecentEntries);
            var codes = await coupons.CodesOfMemberAsync(c, caller.Tenant, member);
            var tier = account?.Tier;
            return Result<AccountView>.Success(new AccountView(
                member.Value, balances.Available, balances.Pending, MoneyView.From(Money.FromMinor(account?.WalletMinor ?? 0, currency)),
                tier, account?.TierUntilMs is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null,
                program?.Tiers.Find(tier)?.FreeDelivery ?? false, account?.Birthday,
                balances.Lots.Select(l => new LotView(l.LotId, l.Source, l.Reference, l.Points, l.Remaining, l.ReleaseAtMs <= clock.GetUtcNow().ToUnixTimeMilliseconds() ? AccountBook.Released : l.Status,
                    Ms(l.EarnedAtMs), Ms(l.ReleaseAtMs), l.ExpiresAtMs is { } e ? Ms(e) : null)).ToList(),
                codes.Select(k => new CouponCodeView(k.Code, k.CampaignId, k.Used, k.MaxUses)).ToList(),
                recent.Select(r => new LedgerEntryView(r.Kind, r.PointsDelta, r.PendingDelta, r.ValueDelta, r.LotId, r.Reference, r.Note, Ms(r.OccurredAtMs))).ToList()));
        }, ct);
    }

    /// <summary>A correction by an admin: points added as a new lot, or taken from the lots that expire first.</summary>
    public async Task<Result<AccountView>> AdjustAsync(Caller caller, MemberId member, AdjustmentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Points is not { } points || points == 0 || Math.Abs(points) > 100_000_000)
            return LoyaltyErrors.OutOfRange("points", "is a whole number of points other than 0, at most 100,000,000 either way");
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500 || reason.Any(char.IsControl))
            return LoyaltyErrors.BadText("reason", 500);
        var reference = request.Reference is null ? Result<string>.Success(NewId.With("adj")) : LoyaltyContext.Reference(request.Reference, "reference");
        if (!reference.IsSuccess)
            return reference.Error;
        var known = await context.MemberAsync(caller.Tenant, member, "memberId", ct);
        if (!known.IsSuccess)
            return known.Error;
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        var written = await database.WriteAsync<Unit>(async session =>
        {
            var now = clock.GetUtcNow();
            var program = await programs.FindAsync(session, caller.Tenant);
            await book.OpenAsync(session, caller.Tenant, member, currency, now, program);
            if (points > 0)
            {
                await book.CreditAsync(session, caller.Tenant, member, LedgerKinds.Adjust, points, pending: false, "adjust", reference.Value, reason, now, program);
                return Unit.Value;
            }
            return (await book.SpendAsync(session, caller.Tenant, member, -points, LedgerKinds.Adjust, reference.Value, reason, now, "points")).Map(_ => Unit.Value);
        }, ct);
        return written.IsSuccess ? await GetAsync(caller, member, ct) : written.Error;
    }

    /// <summary>Money into the member's wallet (at a till or online); idempotent by reference.</summary>
    public async Task<Result<(AccountView View, bool Replayed)>> TopUpAsync(Caller caller, MemberId member, TopUpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        var amount = AmountRequest.Parse(request.Amount, currency, "amount");
        if (!amount.IsSuccess)
            return amount.Error;
        if (amount.Value.MinorUnits == 0 || amount.Value.MinorUnits > 100_000_000)
            return LoyaltyErrors.OutOfRange("amount", "is more than 0 and at most 1,000,000 in major units");
        var reference = LoyaltyContext.Reference(request.Reference, "reference");
        if (!reference.IsSuccess)
            return reference.Error;
        var store = await apply.StoreAsync(caller, request.StoreId, ct);
        if (!store.IsSuccess)
            return store.Error;
        var known = await context.MemberAsync(caller.Tenant, member, "memberId", ct);
        if (!known.IsSuccess)
            return known.Error;
        var written = await database.WriteAsync<bool>(async session =>
        {
            var now = clock.GetUtcNow();
            await book.OpenAsync(session, caller.Tenant, member, currency, now, null);
            // The top-up's reference is claimed as a redemption row of its own kind, so a retry credits nothing twice.
            if (!await purchases.TryRedeemAsync(session, caller.Tenant, reference.Value, TopUpKind, member.Value, amount.Value.MinorUnits, amount.Value.MinorUnits, 0,
                    now.ToUnixTimeMilliseconds()))
            {
                var earlier = (await purchases.RedemptionsAsync(session.Connection, caller.Tenant, reference.Value, session.Transaction)).Single(r => r.Kind == TopUpKind);
                if (earlier.AccountId != member.Value || earlier.Amount != amount.Value.MinorUnits)
                    return LoyaltyErrors.ReferenceReused(reference.Value, "reference");
                return true;
            }
            await book.MoveWalletAsync(session, caller.Tenant, member, amount.Value.MinorUnits, LedgerKinds.TopUp, reference.Value, store.Value?.Value, now);
            return false;
        }, ct);
        if (!written.IsSuccess)
            return written.Error;
        var view = await GetAsync(caller, member, ct);
        return view.Map(v => (v, written.Value));
    }

    public async Task<Result<AccountView>> SetBirthdayAsync(Caller caller, MemberId member, BirthdayRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Month is not { } month || request.Day is not { } day || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
            return LoyaltyErrors.BadDate("month");
        var known = await context.MemberAsync(caller.Tenant, member, "memberId", ct);
        if (!known.IsSuccess)
            return known.Error;
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        var written = await database.WriteAsync<Unit>(async session =>
        {
            await book.OpenAsync(session, caller.Tenant, member, currency, clock.GetUtcNow(), null);
            await accounts.SetBirthdayAsync(session, caller.Tenant, member, $"{month:00}-{day:00}");
            return Unit.Value;
        }, ct);
        return written.IsSuccess ? await GetAsync(caller, member, ct) : written.Error;
    }

    private static DateTimeOffset Ms(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
