using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Store.Persistence;

internal sealed record BagRecord(
    string BagId, LocationId Store, MemberId Member, string StartedBy, string? StartKey, string Status, long Version, DateTimeOffset StartedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? CheckedOutAt, string? CheckoutRef);

internal sealed record BagLineRecord(Sku Sku, string Gtin, int Quantity, DateTimeOffset AddedAt);

internal sealed record BagScanRecord(string ScanId, Sku Sku, int Quantity);

/// <summary>An open bag in a store's list: who, when, and how much it holds.</summary>
internal sealed class OpenBagRow
{
    public string BagId { get; init; } = "";
    public string MemberId { get; init; } = "";
    public string StartedBy { get; init; } = "";
    public long StartedAtMs { get; init; }
    public long ExpiresAtMs { get; init; }
    public long Lines { get; init; }
    public long Units { get; init; }

    public string Position => $"{StartedAtMs}:{BagId}";
}

internal sealed class BagStore
{
    private const string BagColumns =
        """
        bag_id AS BagId, store_id AS StoreId, member_id AS MemberId, started_by AS StartedBy, start_key AS StartKey, status AS Status,
        version AS Version, started_at_ms AS StartedAtMs, expires_at_ms AS ExpiresAtMs, checked_out_at_ms AS CheckedOutAtMs, checkout_ref AS CheckoutRef
        """;

    /// <summary>Inserts the bag; false when its start key was taken by another bag (a concurrent retry of the same start).</summary>
    public async Task<bool> TryInsertAsync(DbSession session, TenantId tenant, BagRecord bag)
    {
        try
        {
            await session.Connection.ExecuteAsync(
                """
                INSERT INTO store_bag (tenant_id, bag_id, store_id, member_id, started_by, start_key, status, version, started_at_ms, expires_at_ms, updated_at_ms)
                VALUES (@Tenant, @Bag, @Store, @Member, @StartedBy, @StartKey, @Status, @Version, @Started, @Expires, @Started)
                """,
                new
                {
                    Tenant = tenant.Value, Bag = bag.BagId, Store = bag.Store.Value, Member = bag.Member.Value, bag.StartedBy, bag.StartKey, bag.Status, bag.Version,
                    Started = bag.StartedAt.ToUnixTimeMilliseconds(), Expires = bag.ExpiresAt.ToUnixTimeMilliseconds(),
                },
                session.Transaction);
            return true;
        }
        catch (DbException ex) when (UniqueViolations.Is(ex))
        {
            return false;
        }
    }

    public async Task<BagRecord?> FindAsync(DbConnection connection, TenantId tenant, string bagId, DbTransaction? transaction = null) =>
        (await connection.QuerySingleOrDefaultAsync<BagRow>(
            $"SELECT {BagColumns} FROM store_bag WHERE tenant_id = @Tenant AND bag_id = @Bag", new { Tenant = tenant.Value, Bag = bagId }, transaction))?.ToRecord();

    public async Task<BagRecord?> FindByStartKeyAsync(DbConnection connection, TenantId tenant, string key, DbTransaction? transaction = null) =>
        (await connection.QuerySingleOrDefaultAsync<BagRow>(
            $"SELECT {BagColumns} FROM store_bag WHERE tenant_id = @Tenant AND start_key = @Key", new { Tenant = tenant.Value, Key = key }, transaction))?.ToRecord();

    /// <summary>
    /// A page of the store's open bags started after <paramref name="sinceMs"/> and not expired at <paramref name="nowMs"/>,
    /// newest first (start time, then id), after the page's position (<c>{startedAtMs}:{bagId}</c>), with each bag's lines
    /// and units (at most <see cref="Domain.BagRules.MaxLines"/> lines a bag, read through the lines' key).
    /// </summary>
    public async Task<IReadOnlyList<OpenBagRow>> OpenAsync(DbConnection connection, TenantId tenant, LocationId store, long sinceMs, long nowMs, PageQuery page)
    {
        var colon = page.After?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var (atMs, id) = colon > 0 && long.TryParse(page.After![..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? (ms, page.After[(colon + 1)..])
            : (long.MaxValue, "");
        return [.. await connection.QueryAsync<OpenBagRow>(
            """
            SELECT b.bag_id AS BagId, b.member_id AS MemberId, b.started_by AS StartedBy, b.started_at_ms AS StartedAtMs, b.expires_at_ms AS ExpiresAtMs,
                   (SELECT COUNT(*) FROM store_bag_line l WHERE l.tenant_id = b.tenant_id AND l.bag_id = b.bag_id) AS Lines,
                   (SELECT COALESCE(SUM(l.quantity), 0) FROM store_bag_line l WHERE l.tenant_id = b.tenant_id AND l.bag_id = b.bag_id) AS Units
            FROM store_bag b
            WHERE b.tenant_id = @Tenant AND b.store_id = @Store AND b.status = @Open AND b.started_at_ms > @Since AND b.expires_at_ms > @Now
              AND (b.started_at_ms < @AtMs OR (b.started_at_ms = @AtMs AND b.bag_id < @Id))
            ORDER BY b.started_at_ms DESC, b.bag_id DESC
            LIMIT @Rows
            """,
            new { Tenant = tenant.Value, Store = store.Value, Open = Domain.BagRules.Open, Since = sinceMs, Now = nowMs, AtMs = atMs, Id = id, Rows = page.RowsToRead })];
    }

    public async Task<IReadOnlyList<BagLineRecord>> LinesAsync(DbConnection connection, TenantId tenant, string bagId, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<LineRow>(
            """
            SELECT sku AS Sku, gtin AS Gtin, quantity AS Quantity, added_at_ms AS AddedAtMs FROM store_bag_line
            WHERE tenant_id = @Tenant AND bag_id = @Bag ORDER BY line_no
            """,
            new { Tenant = tenant.Value, Bag = bagId }, transaction)).Select(r => r.ToRecord()).ToList();

    /// <summary>
    /// Locks an open, unexpired bag for a change (a no-op update takes the row lock, so changes to one bag run one at a time on
    /// PostgreSQL as they do on SQLite's one writer); false when the bag is not open any more.
    /// </summary>
    public async Task<bool> LockOpenAsync(DbSession session, TenantId tenant, string bagId, DateTimeOffset now) =>
        await session.Connection.ExecuteAsync(
            "UPDATE store_bag SET status = status WHERE tenant_id = @Tenant AND bag_id = @Bag AND status = 'open' AND expires_at_ms > @Now",
            new { Tenant = tenant.Value, Bag = bagId, Now = now.ToUnixTimeMilliseconds() }, session.Transaction) == 1;

    public Task ChangedAsync(DbSession session, TenantId tenant, string bagId, DateTimeOffset now) =>
        session.Connection.ExecuteAsync(
            "UPDATE store_bag SET version = version + 1, updated_at_ms = @Now WHERE tenant_id = @Tenant AND bag_id = @Bag",
            new { Tenant = tenant.Value, Bag = bagId, Now = now.ToUnixTimeMilliseconds() }, session.Transaction);

    public async Task<BagScanRecord?> FindScanAsync(DbSession session, TenantId tenant, string bagId, string key) =>
        (await session.Connection.QuerySingleOrDefaultAsync<ScanRow>(
            "SELECT scan_id AS ScanId, sku AS Sku, quantity AS Quantity FROM store_bag_scan WHERE tenant_id = @Tenant AND bag_id = @Bag AND scan_key = @Key",
            new { Tenant = tenant.Value, Bag = bagId, Key = key }, session.Transaction))?.ToRecord();

    public Task InsertScanAsync(DbSession session, TenantId tenant, string bagId, string key, BagScanRecord scan, DateTimeOffset at) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO store_bag_scan (tenant_id, bag_id, scan_key, scan_id, sku, quantity, at_ms)
            VALUES (@Tenant, @Bag, @Key, @Scan, @Sku, @Quantity, @At)
            """,
            new { Tenant = tenant.Value, Bag = bagId, Key = key, Scan = scan.ScanId, Sku = scan.Sku.Value, scan.Quantity, At = at.ToUnixTimeMilliseconds() },
            session.Transaction);

    /// <summary>
    /// Adds units to the SKU's line (a new line, numbered after the bag's last, when the bag has none); false when the line would
    /// pass <paramref name="max"/> units. The caller holds the bag's lock, so two new lines never take one number.
    /// </summary>
    public async Task<bool> AddAsync(DbSession session, TenantId tenant, string bagId, Sku sku, string gtin, int quantity, int max, DateTimeOffset at) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO store_bag_line (tenant_id, bag_id, sku, line_no, gtin, quantity, added_at_ms)
            VALUES (@Tenant, @Bag, @Sku, (SELECT COALESCE(MAX(line_no), 0) + 1 FROM store_bag_line WHERE tenant_id = @Tenant AND bag_id = @Bag), @Gtin, @Quantity, @At)
            ON CONFLICT (tenant_id, bag_id, sku) DO UPDATE SET quantity = store_bag_line.quantity + excluded.quantity
            WHERE store_bag_line.quantity + excluded.quantity <= @Max
            """,
            new { Tenant = tenant.Value, Bag = bagId, Sku = sku.Value, Gtin = gtin, Quantity = quantity, At = at.ToUnixTimeMilliseconds(), Max = max },
            session.Transaction) == 1;

    public Task<int> SetQuantityAsync(DbSession session, TenantId tenant, string bagId, Sku sku, int quantity) =>
        quantity == 0
            ? session.Connection.ExecuteAsync(
                "DELETE FROM store_bag_line WHERE tenant_id = @Tenant AND bag_id = @Bag AND sku = @Sku",
                new { Tenant = tenant.Value, Bag = bagId, Sku = sku.Value }, session.Transaction)
            : session.Connection.ExecuteAsync(
                "UPDATE store_bag_line SET quantity = @Quantity WHERE tenant_id = @Tenant AND bag_id = @Bag AND sku = @Sku",
                new { Tenant = tenant.Value, Bag = bagId, Sku = sku.Value, Quantity = quantity }, session.Transaction);

    /// <summary>Checks the bag out if it is still open, unexpired and at <paramref name="version"/>: one conditional update.</summary>
    public async Task<bool> CheckOutAsync(DbSession session, TenantId tenant, string bagId, long version, string reference, DateTimeOffset at) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE store_bag SET status = 'checked_out', version = version + 1, checked_out_at_ms = @At, checkout_ref = @Ref, updated_at_ms = @At
            WHERE tenant_id = @Tenant AND bag_id = @Bag AND status = 'open' AND version = @Version AND expires_at_ms > @At
            """,
            new { Tenant = tenant.Value, Bag = bagId, Version = version, Ref = reference, At = at.ToUnixTimeMilliseconds() }, session.Transaction) == 1;

    private sealed class BagRow
    {
        public string BagId { get; init; } = "";
        public string StoreId { get; init; } = "";
        public string MemberId { get; init; } = "";
        public string StartedBy { get; init; } = "";
        public string? StartKey { get; init; }
        public string Status { get; init; } = "";
        public long Version { get; init; }
        public long StartedAtMs { get; init; }
        public long ExpiresAtMs { get; init; }
        public long? CheckedOutAtMs { get; init; }
        public string? CheckoutRef { get; init; }

        public BagRecord ToRecord() => new(
            BagId, new LocationId(StoreId), new MemberId(MemberId), StartedBy, StartKey, Status, Version, DateTimeOffset.FromUnixTimeMilliseconds(StartedAtMs),
            DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAtMs), CheckedOutAtMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null, CheckoutRef);
    }

    private sealed class LineRow
    {
        public string Sku { get; init; } = "";
        public string Gtin { get; init; } = "";
        public long Quantity { get; init; }
        public long AddedAtMs { get; init; }

        public BagLineRecord ToRecord() => new(Kernel.Sku.FromStored(Sku), Gtin, (int)Quantity, DateTimeOffset.FromUnixTimeMilliseconds(AddedAtMs));
    }

    private sealed class ScanRow
    {
        public string ScanId { get; init; } = "";
        public string Sku { get; init; } = "";
        public long Quantity { get; init; }

        public BagScanRecord ToRecord() => new(ScanId, Kernel.Sku.FromStored(Sku), (int)Quantity);
    }
}
