using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Accounts;

/// <summary>
/// The member account inside a caller's write: every balance change moves the account row by a guarded update, writes its
/// lots and appends its ledger entries, so the account always equals the sum of its entries. <see cref="OpenAsync"/> comes
/// first in every write: it locks the row, so what follows runs alone on the account (PostgreSQL row lock; SQLite's single
/// writer), and settles lots whose release or expiry is due.
/// </summary>
internal sealed class AccountBook(AccountStore accounts, LotStore lots)
{
    public const string Pending = "pending";
    public const string Released = "released";
    public const string Expired = "expired";

    /// <summary>The member's account, created when absent, locked and settled at <paramref name="now"/>; the tier re-evaluated when its period has ended.</summary>
    public async Task<AccountRow> OpenAsync(DbSession session, TenantId tenant, MemberId member, Currency currency, DateTimeOffset now, LoyaltyProgram? program)
    {
        var atMs = now.ToUnixTimeMilliseconds();
        await accounts.OpenAsync(session, tenant, member, currency, atMs);
        var row = await accounts.LockAsync(session, tenant, member, atMs) ?? throw new InvalidOperationException("The account just opened is gone.");
        var settled = await SettleAsync(session, tenant, member, now);
        if (program is not null && row.TierUntilMs is { } until && until <= atMs)
        {
            await EvaluateTierAsync(session, tenant, member, row, program, now);
            settled = true;
        }
        return settled ? (await accounts.LockAsync(session, tenant, member, atMs))! : row;
    }

    /// <summary>Releases the account's pending lots whose return window has closed, then expires released lots past their end. True when anything moved.</summary>
    public async Task<bool> SettleAsync(DbSession session, TenantId tenant, MemberId member, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var moved = false;
        foreach (var lot in await lots.OpenLotsAsync(session.Connection, tenant, member, session.Transaction))
        {
            var status = lot.Status;
            if (status == Pending && lot.ReleaseAtMs <= nowMs)
            {
                if (!await lots.MoveAsync(session, tenant, lot.LotId, Pending, Released, empty: false))
                    continue;
                await MoveAsync(session, tenant, member, lot.Remaining, -lot.Remaining, 0);
                await accounts.AppendAsync(session, tenant, new LedgerEntry(member.Value, LedgerKinds.Release, lot.Remaining, -lot.Remaining, 0, lot.LotId, lot.Reference, null, nowMs));
                status = Released;
                moved = true;
            }
            if (status == Released && lot.ExpiresAtMs is { } expires && expires <= nowMs)
            {
                if (!await lots.MoveAsync(session, tenant, lot.LotId, Released, Expired, empty: true))
                    continue;
                await MoveAsync(session, tenant, member, -lot.Remaining, 0, 0);
                await accounts.AppendAsync(session, tenant, new LedgerEntry(member.Value, LedgerKinds.Expire, -lot.Remaining, 0, 0, lot.LotId, lot.Reference, null, nowMs));
                moved = true;
            }
        }
        return moved;
    }

    /// <summary>Adds points as a new lot: pending until the program's return window closes, or available at once.</summary>
    public async Task<string> CreditAsync(
        DbSession session, TenantId tenant, MemberId member, string kind, long points, bool pending, string source, string? reference, string? note,
        DateTimeOffset now, LoyaltyProgram? program)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var nowMs = now.ToUnixTimeMilliseconds();
        var lot = new LotRow
        {
            LotId = NewId.With("lot"), MemberId = member.Value, Source = source, Reference = reference, Points = points, Remaining = points,
            Status = pending ? Pending : Released, EarnedAtMs = nowMs,
            ReleaseAtMs = pending && program is not null ? program.ReleaseAt(now).ToUnixTimeMilliseconds() : nowMs,
            ExpiresAtMs = program?.ExpiresAt(now)?.ToUnixTimeMilliseconds(),
        };
        await lots.InsertAsync(session, tenant, lot);
        await MoveAsync(session, tenant, member, pending ? 0 : points, pending ? points : 0, 0);
        await accounts.AppendAsync(session, tenant, new LedgerEntry(member.Value, kind, pending ? 0 : points, pending ? points : 0, 0, lot.LotId, reference, note, nowMs));
        return lot.LotId;
    }

    /// <summary>
    /// Spends available points from the lots that expire first. The guarded update of the account comes first: when it
    /// fails (another spend got there first, or there were never enough) nothing is written and the balance is answered.
    /// </summary>
    public async Task<Result<long>> SpendAsync(
        DbSession session, TenantId tenant, MemberId member, long points, string kind, string? reference, string? note, DateTimeOffset now, string field)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (!await accounts.MoveAsync(session, tenant, member, -points, 0, 0))
        {
            var row = await accounts.FindAsync(session.Connection, tenant, member, session.Transaction);
            return LoyaltyErrors.PointsAboveBalance(points, row?.PointsAvailable ?? 0, field);
        }
        var left = points;
        foreach (var lot in await lots.OpenLotsAsync(session.Connection, tenant, member, session.Transaction))
        {
            if (left == 0)
                break;
            if (lot.Status != Released)
                continue;
            var take = Math.Min(left, lot.Remaining);
            if (!await lots.TakeAsync(session, tenant, lot.LotId, take))
                throw new InvalidOperationException($"Lot {lot.LotId} changed under the account's lock.");
            await accounts.AppendAsync(session, tenant, new LedgerEntry(member.Value, kind, -take, 0, 0, lot.LotId, reference, note, now.ToUnixTimeMilliseconds()));
            left -= take;
        }
        if (left != 0)
            throw new InvalidOperationException($"Account {member} had {points - left} of {points} points in lots though its balance held them.");
        return points;
    }

    /// <summary>Takes up to <paramref name="points"/> out of one lot (pending or available), e.g. a returned line's share of its purchase's lot; returns what it took.</summary>
    public async Task<long> TakeFromLotAsync(DbSession session, TenantId tenant, MemberId member, string lotId, long points, string kind, string? reference, string? note, DateTimeOffset now)
    {
        var lot = await lots.FindAsync(session, tenant, lotId);
        if (lot is null || lot.Status is not (Pending or Released) || lot.Remaining == 0 || points <= 0)
            return 0;
        var take = Math.Min(points, lot.Remaining);
        if (!await lots.TakeAsync(session, tenant, lotId, take))
            return 0;
        var pending = lot.Status == Pending;
        await MoveAsync(session, tenant, member, pending ? 0 : -take, pending ? -take : 0, 0);
        await accounts.AppendAsync(session, tenant, new LedgerEntry(member.Value, kind, pending ? 0 : -take, pending ? -take : 0, 0, lotId, reference, note, now.ToUnixTimeMilliseconds()));
        return take;
    }

    /// <summary>Moves the wallet by <paramref name="deltaMinor"/>; false (nothing written) when it would go below zero.</summary>
    public async Task<bool> MoveWalletAsync(DbSession session, TenantId tenant, MemberId member, long deltaMinor, string kind, string? reference, string? note, DateTimeOffset now)
    {
        if (!await accounts.MoveAsync(session, tenant, member, 0, 0, deltaMinor))
            return false;
        await accounts.AppendAsync(session, tenant, new LedgerEntry(member.Value, kind, 0, 0, deltaMinor, null, reference, note, now.ToUnixTimeMilliseconds()));
        return true;
    }

    /// <summary>Re-evaluates the tier on the rolling twelve months (see <see cref="TierRules.Evaluate"/>); returns the tier after.</summary>
    public async Task<string?> EvaluateTierAsync(DbSession session, TenantId tenant, MemberId member, AccountRow row, LoyaltyProgram program, DateTimeOffset now)
    {
        if (program.Tiers.Levels.Count == 0)
            return row.Tier;
        var (spend, points) = await accounts.RollingAsync(session.Connection, tenant, member, now.AddMonths(-12).ToUnixTimeMilliseconds(), session.Transaction);
        var until = row.TierUntilMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        var (tier, newUntil) = program.Tiers.Evaluate(row.Tier, until, program.Tiers.Basis == TierBasis.Spend ? spend : points, now);
        if (tier != row.Tier || newUntil != until)
            await accounts.SetTierAsync(session, tenant, member, tier, newUntil?.ToUnixTimeMilliseconds());
        if (!string.Equals(tier, row.Tier, StringComparison.Ordinal))
            await session.PublishAsync(new TierChanged(tenant, member, row.Tier, tier, now), CancellationToken.None);
        return tier;
    }

    private async Task MoveAsync(DbSession session, TenantId tenant, MemberId member, long points, long pending, long wallet)
    {
        if (!await accounts.MoveAsync(session, tenant, member, points, pending, wallet))
            throw new InvalidOperationException($"Account {member} would go below zero moving ({points}, {pending}, {wallet}); its lots and balance disagree.");
    }
}
