using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Loyalty.Persistence;

internal sealed class LotRow
{
    public string LotId { get; init; } = "";
    public string MemberId { get; init; } = "";
    public string Source { get; init; } = "";
    public string? Reference { get; init; }
    public long Points { get; init; }
    public long Remaining { get; init; }
    public string Status { get; init; } = "";
    public long EarnedAtMs { get; init; }
    public long ReleaseAtMs { get; init; }
    public long? ExpiresAtMs { get; init; }
}

/// <summary>Earn lots: pending, released (spendable), expired.</summary>
internal sealed class LotStore
{
    private const string Columns =
        """
        lot_id AS LotId, member_id AS MemberId, source AS Source, reference AS Reference, points AS Points, remaining AS Remaining,
        status AS Status, earned_at_ms AS EarnedAtMs, release_at_ms AS ReleaseAtMs, expires_at_ms AS ExpiresAtMs
        """;

    public Task InsertAsync(DbSession session, TenantId tenant, LotRow lot) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_lot (tenant_id, lot_id, member_id, source, reference, points, remaining, status, earned_at_ms, release_at_ms, expires_at_ms)
            VALUES (@Tenant, @LotId, @MemberId, @Source, @Reference, @Points, @Remaining, @Status, @EarnedAtMs, @ReleaseAtMs, @ExpiresAtMs)
            """,
            new
            {
                Tenant = tenant.Value, lot.LotId, lot.MemberId, lot.Source, lot.Reference, lot.Points, lot.Remaining, lot.Status,
                lot.EarnedAtMs, lot.ReleaseAtMs, lot.ExpiresAtMs,
            }, session.Transaction);

    /// <summary>The member's lots that still hold points, spending order first: the soonest to expire (never-expiring last), then the oldest.</summary>
    public async Task<IReadOnlyList<LotRow>> OpenLotsAsync(DbConnection connection, TenantId tenant, MemberId member, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<LotRow>(
            $"""
            SELECT {Columns} FROM loyalty_lot
            WHERE tenant_id = @Tenant AND member_id = @Member AND status IN ('pending', 'released') AND remaining > 0
            ORDER BY CASE WHEN expires_at_ms IS NULL THEN 1 ELSE 0 END, expires_at_ms, earned_at_ms, lot_id
            """,
            new { Tenant = tenant.Value, Member = member.Value }, transaction)).AsList();

    public Task<LotRow?> FindAsync(DbSession session, TenantId tenant, string lotId) =>
        session.Connection.QuerySingleOrDefaultAsync<LotRow>(
            $"SELECT {Columns} FROM loyalty_lot WHERE tenant_id = @Tenant AND lot_id = @Lot",
            new { Tenant = tenant.Value, Lot = lotId }, session.Transaction);

    /// <summary>Takes points out of a lot; false when it no longer holds them.</summary>
    public async Task<bool> TakeAsync(DbSession session, TenantId tenant, string lotId, long points) =>
        await session.Connection.ExecuteAsync(
            "UPDATE loyalty_lot SET remaining = remaining - @Points WHERE tenant_id = @Tenant AND lot_id = @Lot AND remaining >= @Points",
            new { Tenant = tenant.Value, Lot = lotId, Points = points }, session.Transaction) == 1;

    /// <summary>Moves a lot from one status to another; false when it was not in <paramref name="from"/> any more.</summary>
    public async Task<bool> MoveAsync(DbSession session, TenantId tenant, string lotId, string from, string to, bool empty) =>
        await session.Connection.ExecuteAsync(
            $"UPDATE loyalty_lot SET status = @To{(empty ? ", remaining = 0" : "")} WHERE tenant_id = @Tenant AND lot_id = @Lot AND status = @From",
            new { Tenant = tenant.Value, Lot = lotId, From = from, To = to }, session.Transaction) == 1;

    public Task ReassignAsync(DbSession session, TenantId tenant, MemberId from, MemberId to) =>
        session.Connection.ExecuteAsync(
            "UPDATE loyalty_lot SET member_id = @To WHERE tenant_id = @Tenant AND member_id = @From",
            new { Tenant = tenant.Value, From = from.Value, To = to.Value }, session.Transaction);

    /// <summary>Members (of any tenant) with a lot due to release or expire at <paramref name="nowMs"/>, for the sweeper; at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<(string Tenant, string Member)>> DueAsync(DbConnection connection, long nowMs, int limit) =>
        (await connection.QueryAsync<(string, string)>(
            """
            SELECT DISTINCT tenant_id, member_id FROM (
                SELECT tenant_id, member_id FROM loyalty_lot WHERE status = 'pending' AND release_at_ms <= @Now
                UNION ALL
                SELECT tenant_id, member_id FROM loyalty_lot WHERE status = 'released' AND expires_at_ms <= @Now
            ) due LIMIT @Limit
            """,
            new { Now = nowMs, Limit = limit })).AsList();
}
