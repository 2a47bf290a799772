using UniRetail.Data;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;
using UniRetail.Members.Contracts;

namespace UniRetail.Loyalty.Reactions;

/// <summary>A new member gets the program's welcome coupon (a code of the welcome campaign of their own) in the registration's transaction.</summary>
internal sealed class IssueWelcomeCoupon(ProgramStore programs, ManageCoupons coupons) : IDomainEventSubscriber<MemberRegistered>
{
    public async Task HandleAsync(MemberRegistered domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (await programs.FindAsync(session, domainEvent.Tenant) is not { WelcomeCampaignId: { } campaign })
            return;
        // The program named a single-use campaign when it was saved; a code taken by chance is drawn again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var issued = await coupons.IssueAsync(session, domainEvent.Tenant, campaign, domainEvent.Member, null);
            if (issued.IsSuccess || issued.Error.Code != "loyalty.code_taken")
                return;
        }
    }
}

/// <summary>
/// When members merge, the source's account joins the target's in the merge's transaction: its points, pending points and
/// wallet leave the source and arrive at the target as adjust entries (the lots move with their expiry), its purchases,
/// redemptions and coupon codes move, and the higher of the two tiers is kept.
/// </summary>
internal sealed class MergeAccountsWhenMembersMerge(
    LoyaltyContext context, ProgramStore programs, AccountStore accounts, AccountBook book, LotStore lots, PurchaseStore purchases, CouponStore coupons, TimeProvider clock)
    : IDomainEventSubscriber<MembersMerged>
{
    public async Task HandleAsync(MembersMerged domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        var (tenant, source, target) = (domainEvent.Tenant, domainEvent.Source, domainEvent.Target);
        await coupons.ReassignAsync(session, tenant, source, target);
        await purchases.ReassignAsync(session, tenant, source, target);
        if (await accounts.FindAsync(session.Connection, tenant, source, session.Transaction) is null)
            return;
        var now = clock.GetUtcNow();
        var atMs = now.ToUnixTimeMilliseconds();
        var currency = await context.CurrencyAsync(tenant, ct);
        var program = await programs.FindAsync(session, tenant);
        // Target first, as the members module locks them.
        var to = await book.OpenAsync(session, tenant, target, currency, now, program);
        var from = await book.OpenAsync(session, tenant, source, currency, now, program);
        var note = $"merged from {source.Value}";
        var outNote = $"merged into {target.Value}";
        if (from.PointsAvailable != 0 || from.PointsPending != 0 || from.WalletMinor != 0)
        {
            if (!await accounts.MoveAsync(session, tenant, source, -from.PointsAvailable, -from.PointsPending, -from.WalletMinor)
                || !await accounts.MoveAsync(session, tenant, target, from.PointsAvailable, from.PointsPending, from.WalletMinor))
                throw new InvalidOperationException($"Merging account {source} into {target} would take a balance below zero.");
            await accounts.AppendAsync(session, tenant, new LedgerEntry(source.Value, LedgerKinds.Adjust, -from.PointsAvailable, -from.PointsPending, -from.WalletMinor, null, target.Value, outNote, atMs));
            await accounts.AppendAsync(session, tenant, new LedgerEntry(target.Value, LedgerKinds.Adjust, from.PointsAvailable, from.PointsPending, from.WalletMinor, null, source.Value, note, atMs));
        }
        await lots.ReassignAsync(session, tenant, source, target);
        var keep = HigherTier(program, to, from);
        if (keep.Tier != to.Tier)
            await accounts.SetTierAsync(session, tenant, target, keep.Tier, keep.TierUntilMs);
        await accounts.SetStatusAsync(session, tenant, source, "merged", target);
    }

    private static AccountRow HigherTier(LoyaltyProgram? program, AccountRow target, AccountRow source)
    {
        if (source.Tier is null)
            return target;
        if (target.Tier is null)
            return source;
        var tiers = program?.Tiers;
        var (a, b) = (tiers?.RankOf(target.Tier) ?? -1, tiers?.RankOf(source.Tier) ?? -1);
        return b > a || (b == a && (source.TierUntilMs ?? 0) > (target.TierUntilMs ?? 0)) ? source : target;
    }
}

/// <summary>
/// Erasure: the account's personal data (the birthday) goes; balances, lots, purchases and the ledger stay under the member
/// id, now a pseudonym, and so do codes issued to them.
/// </summary>
internal sealed class ForgetAccountsWhenMembersErased(AccountStore accounts) : IDomainEventSubscriber<MembersErased>
{
    public async Task HandleAsync(MembersErased domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var member in domainEvent.Members)
        {
            var account = await accounts.FindAsync(session.Connection, domainEvent.Tenant, member, session.Transaction);
            if (account is not null)
                await accounts.SetStatusAsync(session, domainEvent.Tenant, member, "erased", null);
        }
    }
}
