using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Store.Domain;

namespace UniRetail.Store.Persistence;

internal sealed record TillSessionRow(
    string SessionId, string StoreId, string TillId, string Status, string Currency, long FloatMinor, long OpenedAtMs, string OpenedBy,
    long? ClosedAtMs, string? ClosedBy, long? CountedMinor, string? ZReportJson);

internal sealed record CashMovementRow(string Reference, string Kind, long AmountMinor, string? Reason, long AtMs);

internal sealed class TillStore
{
    private const string SessionColumns =
        """
        session_id AS SessionId, store_id AS StoreId, till_id AS TillId, status AS Status, currency AS Currency, float_minor AS FloatMinor,
        opened_at_ms AS OpenedAtMs, opened_by AS OpenedBy, closed_at_ms AS ClosedAtMs, closed_by AS ClosedBy, counted_minor AS CountedMinor,
        z_report_json AS ZReportJson
        """;

    /// <summary>Opens a session; the partial unique index refuses a second open session of the till (false), whoever raced for it.</summary>
    public async Task<bool> TryOpenAsync(DbSession session, TenantId tenant, TillSessionRow row)
    {
        try
        {
            await session.Connection.ExecuteAsync(
                """
                INSERT INTO store_till_session (tenant_id, session_id, store_id, till_id, status, currency, float_minor, opened_at_ms, opened_by)
                VALUES (@Tenant, @SessionId, @StoreId, @TillId, 'open', @Currency, @FloatMinor, @OpenedAtMs, @OpenedBy)
                """,
                new { Tenant = tenant.Value, row.SessionId, row.StoreId, row.TillId, row.Currency, row.FloatMinor, row.OpenedAtMs, row.OpenedBy },
                session.Transaction);
            return true;
        }
        catch (DbException ex) when (UniqueViolations.Is(ex))
        {
            return false;
        }
    }

    public async Task<TillSessionRow?> FindAsync(DbConnection connection, TenantId tenant, LocationId store, string sessionId, DbTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<TillSessionRow>(
            $"SELECT {SessionColumns} FROM store_till_session WHERE tenant_id = @Tenant AND store_id = @Store AND session_id = @Session",
            new { Tenant = tenant.Value, Store = store.Value, Session = sessionId }, transaction);

    public async Task<TillSessionRow?> FindOpenAsync(DbConnection connection, TenantId tenant, LocationId store, string till) =>
        await connection.QuerySingleOrDefaultAsync<TillSessionRow>(
            $"SELECT {SessionColumns} FROM store_till_session WHERE tenant_id = @Tenant AND store_id = @Store AND till_id = @Till AND status = 'open'",
            new { Tenant = tenant.Value, Store = store.Value, Till = till });

    /// <summary>
    /// A no-op update of an open session: it takes the session's row lock, so a close running beside this write waits for
    /// it (and its Z report then counts what this wrote), and a write after the close finds no open session (false).
    /// </summary>
    public async Task<bool> LockOpenAsync(DbSession session, TenantId tenant, LocationId store, string sessionId) =>
        await session.Connection.ExecuteAsync(
            "UPDATE store_till_session SET status = status WHERE tenant_id = @Tenant AND store_id = @Store AND session_id = @Session AND status = 'open'",
            new { Tenant = tenant.Value, Store = store.Value, Session = sessionId }, session.Transaction) == 1;

    public async Task<bool> CloseAsync(DbSession session, TenantId tenant, LocationId store, string sessionId, long countedMinor, string closedBy, long atMs, string zReportJson) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE store_till_session SET status = 'closed', counted_minor = @Counted, closed_by = @By, closed_at_ms = @At, z_report_json = @Report
            WHERE tenant_id = @Tenant AND store_id = @Store AND session_id = @Session AND status = 'open'
            """,
            new { Tenant = tenant.Value, Store = store.Value, Session = sessionId, Counted = countedMinor, By = closedBy, At = atMs, Report = zReportJson },
            session.Transaction) == 1;

    /// <summary>Records a cash movement; false when the reference was used in this session already (then compare with <see cref="FindMovementAsync"/>).</summary>
    public async Task<bool> TryAddMovementAsync(DbSession session, TenantId tenant, string sessionId, CashMovementRow movement) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO store_cash_movement (tenant_id, session_id, reference, kind, amount_minor, reason, at_ms)
            VALUES (@Tenant, @Session, @Reference, @Kind, @AmountMinor, @Reason, @AtMs)
            ON CONFLICT (tenant_id, session_id, reference) DO NOTHING
            """,
            new { Tenant = tenant.Value, Session = sessionId, movement.Reference, movement.Kind, movement.AmountMinor, movement.Reason, movement.AtMs },
            session.Transaction) == 1;

    public Task<CashMovementRow?> FindMovementAsync(DbSession session, TenantId tenant, string sessionId, string reference) =>
        session.Connection.QuerySingleOrDefaultAsync<CashMovementRow?>(
            "SELECT reference AS Reference, kind AS Kind, amount_minor AS AmountMinor, reason AS Reason, at_ms AS AtMs FROM store_cash_movement WHERE tenant_id = @Tenant AND session_id = @Session AND reference = @Reference",
            new { Tenant = tenant.Value, Session = sessionId, Reference = reference }, session.Transaction);

    /// <summary>Records a sale's rows; false when the session has the sale already (a retried or re-posted sale writes nothing twice).</summary>
    public async Task<bool> TryAddSaleAsync(DbSession session, TenantId tenant, string sessionId, TillSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var added = await session.Connection.ExecuteAsync(
            """
            INSERT INTO store_till_sale (tenant_id, session_id, sale_id, kind, gross_minor, discount_minor, points_redeemed, points_earned, at_ms)
            VALUES (@Tenant, @Session, @SaleId, @Kind, @Gross, @Discount, @PointsRedeemed, @PointsEarned, @At)
            ON CONFLICT (tenant_id, session_id, sale_id) DO NOTHING
            """,
            new
            {
                Tenant = tenant.Value, Session = sessionId, sale.SaleId, Kind = sale.Kind == TillSaleKind.Refund ? "refund" : "sale", Gross = sale.Gross.MinorUnits,
                Discount = sale.Discount.MinorUnits, sale.PointsRedeemed, sale.PointsEarned, At = sale.At.ToUnixTimeMilliseconds(),
            },
            session.Transaction) == 1;
        if (!added)
            return false;
        foreach (var (type, amount) in sale.Payments.Where(p => p.Value.MinorUnits > 0))
            await session.Connection.ExecuteAsync(
                """
                INSERT INTO store_till_payment (tenant_id, session_id, sale_id, payment_type, amount_minor)
                VALUES (@Tenant, @Session, @SaleId, @Type, @Amount)
                """,
                new { Tenant = tenant.Value, Session = sessionId, sale.SaleId, Type = type, Amount = amount.MinorUnits }, session.Transaction);
        return true;
    }

    /// <summary>A session's sums for its reports: three grouped reads over its own rows (the key leads with tenant and session).</summary>
    public async Task<TillTotals> TotalsAsync(DbConnection connection, TenantId tenant, string sessionId, DbTransaction? transaction = null)
    {
        var parameters = new { Tenant = tenant.Value, Session = sessionId };
        var sales = (await connection.QueryAsync<(string Kind, long Count, long Gross, long Discount, long Redeemed, long Earned)>(
            """
            SELECT kind, CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(gross_minor), 0) AS BIGINT), CAST(COALESCE(SUM(discount_minor), 0) AS BIGINT), CAST(COALESCE(SUM(points_redeemed), 0) AS BIGINT), CAST(COALESCE(SUM(points_earned), 0) AS BIGINT)
            FROM store_till_sale WHERE tenant_id = @Tenant AND session_id = @Session GROUP BY kind
            """, parameters, transaction)).ToDictionary(r => r.Kind);
        var payments = (await connection.QueryAsync<(string Kind, string Type, long Amount)>(
            """
            SELECT s.kind, p.payment_type, CAST(SUM(p.amount_minor) AS BIGINT)
            FROM store_till_payment p
            JOIN store_till_sale s ON s.tenant_id = p.tenant_id AND s.session_id = p.session_id AND s.sale_id = p.sale_id
            WHERE p.tenant_id = @Tenant AND p.session_id = @Session GROUP BY s.kind, p.payment_type
            """, parameters, transaction)).ToList();
        var cash = (await connection.QueryAsync<(string Kind, long Amount)>(
            "SELECT kind, CAST(SUM(amount_minor) AS BIGINT) FROM store_cash_movement WHERE tenant_id = @Tenant AND session_id = @Session GROUP BY kind",
            parameters, transaction)).ToDictionary(r => r.Kind, r => r.Amount);
        var sold = sales.GetValueOrDefault("sale");
        var refunded = sales.GetValueOrDefault("refund");
        return new TillTotals(
            (int)sold.Count, (int)refunded.Count, sold.Gross, refunded.Gross, sold.Discount, sold.Redeemed - refunded.Redeemed, sold.Earned - refunded.Earned,
            payments.GroupBy(p => p.Type).ToDictionary(
                g => g.Key,
                g => (g.Where(p => p.Kind == "sale").Sum(p => p.Amount), g.Where(p => p.Kind == "refund").Sum(p => p.Amount))),
            cash.GetValueOrDefault("in"), cash.GetValueOrDefault("out"));
    }
}
