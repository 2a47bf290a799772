using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Loyalty.Persistence;

internal sealed class AccountRow
{
    public string MemberId { get; init; } = "";
    public string Currency { get; init; } = "";
    public long PointsAvailable { get; init; }
    public long PointsPending { get; init; }
    public long WalletMinor { get; init; }
    public string? Tier { get; init; }
    public long? TierUntilMs { get; init; }
    public string? Birthday { get; init; }
    public int? BirthdayBonusYear { get; init; }
    public long Purchases { get; init; }
    public string Status { get; init; } = "";
    public long CreatedAtMs { get; init; }
}

/// <summary>One ledger entry: deltas of available points, pending points and stored value (minor units).</summary>
internal sealed record LedgerEntry(string Account, string Kind, long Points, long Pending, long Value, string? Lot, string? Reference, string? Note, long AtMs);

internal sealed class LedgerRow
{
    public long EntryId { get; init; }
    public string Kind { get; init; } = "";
    public long PointsDelta { get; init; }
    public long PendingDelta { get; init; }
    public long ValueDelta { get; init; }
    public string? LotId { get; init; }
    public string? Reference { get; init; }
    public string? Note { get; init; }
    public long OccurredAtMs { get; init; }
}

/// <summary>Member accounts and the one ledger every account and gift card writes to.</summary>
internal sealed class AccountStore
{
    private const string Columns =
        """
        member_id AS MemberId, currency AS Currency, points_available AS PointsAvailable, points_pending AS PointsPending,
        wallet_minor AS WalletMinor, tier AS Tier, tier_until_ms AS TierUntilMs, birthday AS Birthday, birthday_bonus_year AS BirthdayBonusYear,
        purchases AS Purchases, status AS Status, created_at_ms AS CreatedAtMs
        """;

    public Task OpenAsync(DbSession session, TenantId tenant, MemberId member, Currency currency, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_account (tenant_id, member_id, currency, status, created_at_ms, updated_at_ms)
            VALUES (@Tenant, @Member, @Currency, 'active', @At, @At) ON CONFLICT (tenant_id, member_id) DO NOTHING
            """,
            new { Tenant = tenant.Value, Member = member.Value, Currency = currency.Code, At = atMs }, session.Transaction);

    /// <summary>
    /// Takes the account's row lock (a no-op update) and reads it under the lock: on PostgreSQL every other writer of the
    /// account waits here until this transaction ends, so what follows reads and writes the account alone.
    /// </summary>
    public Task<AccountRow?> LockAsync(DbSession session, TenantId tenant, MemberId member, long atMs) =>
        session.Connection.QuerySingleOrDefaultAsync<AccountRow>(
            $"UPDATE loyalty_account SET updated_at_ms = @At WHERE tenant_id = @Tenant AND member_id = @Member RETURNING {Columns}",
            new { Tenant = tenant.Value, Member = member.Value, At = atMs }, session.Transaction);

    public Task<AccountRow?> FindAsync(DbConnection connection, TenantId tenant, MemberId member, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<AccountRow>(
            $"SELECT {Columns} FROM loyalty_account WHERE tenant_id = @Tenant AND member_id = @Member",
            new { Tenant = tenant.Value, Member = member.Value }, transaction);

    /// <summary>
    /// Moves the balances by the deltas unless one would fall below zero (then false, nothing changed): the guard that no
    /// concurrent spend can pass, whatever was read before.
    /// </summary>
    public async Task<bool> MoveAsync(DbSession session, TenantId tenant, MemberId member, long points, long pending, long wallet) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_account SET points_available = points_available + @Points, points_pending = points_pending + @Pending,
                wallet_minor = wallet_minor + @Wallet
            WHERE tenant_id = @Tenant AND member_id = @Member
              AND points_available + @Points >= 0 AND points_pending + @Pending >= 0 AND wallet_minor + @Wallet >= 0
            """,
            new { Tenant = tenant.Value, Member = member.Value, Points = points, Pending = pending, Wallet = wallet }, session.Transaction) == 1;

    public Task SetTierAsync(DbSession session, TenantId tenant, MemberId member, string? tier, long? untilMs) =>
        session.Connection.ExecuteAsync(
            "UPDATE loyalty_account SET tier = @Tier, tier_until_ms = @Until WHERE tenant_id = @Tenant AND member_id = @Member",
            new { Tenant = tenant.Value, Member = member.Value, Tier = tier, Until = untilMs }, session.Transaction);

    public Task SetBirthdayAsync(DbSession session, TenantId tenant, MemberId member, string? birthday) =>
        session.Connection.ExecuteAsync(
            "UPDATE loyalty_account SET birthday = @Birthday WHERE tenant_id = @Tenant AND member_id = @Member",
            new { Tenant = tenant.Value, Member = member.Value, Birthday = birthday }, session.Transaction);

    public Task CountPurchaseAsync(DbSession session, TenantId tenant, MemberId member, int? birthdayBonusYear) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_account SET purchases = purchases + 1, birthday_bonus_year = COALESCE(@Year, birthday_bonus_year)
            WHERE tenant_id = @Tenant AND member_id = @Member
            """,
            new { Tenant = tenant.Value, Member = member.Value, Year = birthdayBonusYear }, session.Transaction);

    /// <summary>
    /// Takes back a purchase that never happened (its order cancelled): one purchase fewer, so a first-purchase bonus is
    /// earned again by the next, and the birthday bonus <paramref name="birthdayBonusYear"/> it earned given back to its year.
    /// </summary>
    public Task UncountPurchaseAsync(DbSession session, TenantId tenant, MemberId member, int? birthdayBonusYear) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_account SET purchases = CASE WHEN purchases > 0 THEN purchases - 1 ELSE 0 END,
                   birthday_bonus_year = CASE WHEN birthday_bonus_year = @Year THEN NULL ELSE birthday_bonus_year END
            WHERE tenant_id = @Tenant AND member_id = @Member
            """,
            new { Tenant = tenant.Value, Member = member.Value, Year = birthdayBonusYear }, session.Transaction);

    /// <summary>Marks an account merged into another (its balances moved by ledger entries first) or erased.</summary>
    public Task SetStatusAsync(DbSession session, TenantId tenant, MemberId member, string status, MemberId? mergedInto) =>
        session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_account SET status = @Status, merged_into = @Into, birthday = CASE WHEN @Status = 'erased' THEN NULL ELSE birthday END
            WHERE tenant_id = @Tenant AND member_id = @Member
            """,
            new { Tenant = tenant.Value, Member = member.Value, Status = status, Into = mergedInto?.Value }, session.Transaction);

    public Task AppendAsync(DbSession session, TenantId tenant, LedgerEntry e) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_ledger (tenant_id, account_id, kind, points_delta, pending_delta, value_delta, lot_id, reference, note, occurred_at_ms)
            VALUES (@Tenant, @Account, @Kind, @Points, @Pending, @Value, @Lot, @Reference, @Note, @AtMs)
            """,
            new { Tenant = tenant.Value, e.Account, e.Kind, e.Points, e.Pending, e.Value, e.Lot, e.Reference, e.Note, e.AtMs }, session.Transaction);

    /// <summary>The account's most recent entries, newest first.</summary>
    public async Task<IReadOnlyList<LedgerRow>> RecentAsync(DbConnection connection, TenantId tenant, string account, int limit) =>
        (await connection.QueryAsync<LedgerRow>(
            """
            SELECT entry_id AS EntryId, kind AS Kind, points_delta AS PointsDelta, pending_delta AS PendingDelta, value_delta AS ValueDelta,
                   lot_id AS LotId, reference AS Reference, note AS Note, occurred_at_ms AS OccurredAtMs
            FROM loyalty_ledger WHERE tenant_id = @Tenant AND account_id = @Account ORDER BY entry_id DESC LIMIT @Limit
            """,
            new { Tenant = tenant.Value, Account = account, Limit = limit })).AsList();

    /// <summary>Rolling spend (net of returns, minor units) and points earned by purchases since <paramref name="sinceMs"/>.</summary>
    public Task<(long Spend, long Points)> RollingAsync(DbConnection connection, TenantId tenant, MemberId member, long sinceMs, DbTransaction? transaction) =>
        connection.QuerySingleAsync<(long, long)>(
            """
            SELECT CAST(COALESCE(SUM(net_minor - returned_minor), 0) AS BIGINT), CAST(COALESCE(SUM(points + bonus_points), 0) AS BIGINT)
            FROM loyalty_purchase WHERE tenant_id = @Tenant AND member_id = @Member AND at_ms > @Since
            """,
            new { Tenant = tenant.Value, Member = member.Value, Since = sinceMs }, transaction);

    /// <summary>Accounts (of any tenant) whose tier period ended by <paramref name="nowMs"/>, for the sweeper.</summary>
    public async Task<IReadOnlyList<(string Tenant, string Member)>> TierDueAsync(DbConnection connection, long nowMs, int limit) =>
        (await connection.QueryAsync<(string, string)>(
            "SELECT tenant_id, member_id FROM loyalty_account WHERE tier_until_ms <= @Now LIMIT @Limit",
            new { Now = nowMs, Limit = limit })).AsList();
}
