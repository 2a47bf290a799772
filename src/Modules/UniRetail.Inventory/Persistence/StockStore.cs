using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Inventory.Contracts;
using UniRetail.Inventory.Domain;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Persistence;

/// <summary>Stock levels and their ledger. A level changes only together with the ledger entry that explains it.</summary>
internal sealed class StockStore
{
    /// <summary>Guards for conditional level updates: the row changes only when the units are really there.</summary>
    public static class Guard
    {
        public const string None = "1 = 1";
        public const string Available = "on_hand - reserved - safety_stock >= @Units";
        public const string Shelf = "on_hand - reserved >= @Units";
        public const string StaysAboveReserved = "on_hand + @OnHandDelta >= reserved";
    }

    private const string PositionColumns =
        "sku AS Sku, location_id AS Location, on_hand AS OnHand, reserved AS Reserved, safety_stock AS SafetyStock, damaged AS Damaged";

    public async Task<IReadOnlyList<StockPosition>> PositionsAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<Sku> skus) =>
        (await connection.QueryAsync<LevelRow>(
            $"SELECT {PositionColumns} FROM inventory_stock_level WHERE tenant_id = @Tenant AND {SqlLists.In(connection, "sku", "Skus")}",
            new { Tenant = tenant.Value, Skus = skus.Select(s => s.Value).Distinct().ToArray() }))
        .Select(r => r.ToPosition()).ToList();

    public async Task<IReadOnlyList<StockPosition>> PositionsAtAsync(DbConnection connection, TenantId tenant, LocationId location, IReadOnlyCollection<Sku> skus) =>
        (await connection.QueryAsync<LevelRow>(
            $"SELECT {PositionColumns} FROM inventory_stock_level WHERE tenant_id = @Tenant AND location_id = @Location AND {SqlLists.In(connection, "sku", "Skus")}",
            new { Tenant = tenant.Value, Location = location.Value, Skus = skus.Select(s => s.Value).Distinct().ToArray() }))
        .Select(r => r.ToPosition()).ToList();

    /// <summary>Levels in (SKU, location) order after the page's position (<c>sku\nlocation</c>), one more than the page shows.</summary>
    public async Task<IReadOnlyList<LevelRow>> LevelsAsync(DbConnection connection, TenantId tenant, string? sku, string? location, PageQuery page)
    {
        var after = page.After?.Split('\n', 2);
        return (await connection.QueryAsync<LevelRow>(
            $"""
            SELECT {PositionColumns} FROM inventory_stock_level
            WHERE tenant_id = @Tenant AND (@Sku IS NULL OR sku = @Sku) AND (@Location IS NULL OR location_id = @Location)
              AND (@AfterSku IS NULL OR sku > @AfterSku OR (sku = @AfterSku AND location_id > @AfterLocation))
            ORDER BY sku, location_id LIMIT @Limit
            """,
            new { Tenant = tenant.Value, Sku = sku, Location = location, AfterSku = after?[0], AfterLocation = after is [_, var l] ? l : "", Limit = page.RowsToRead })).ToList();
    }

    /// <summary>
    /// Levels whose shelf stock (on hand less reserved) is below their safety stock, in (SKU, location) order, at most
    /// <paramref name="limit"/>: the read scans only levels with a safety stock (the partial index inventory_stock_level_safety).
    /// </summary>
    public async Task<IReadOnlyList<LevelRow>> BelowSafetyAsync(DbConnection connection, TenantId tenant, int limit) =>
        (await connection.QueryAsync<LevelRow>(
            $"""
            SELECT {PositionColumns} FROM inventory_stock_level
            WHERE tenant_id = @Tenant AND safety_stock > 0 AND on_hand - reserved < safety_stock
            ORDER BY sku, location_id LIMIT @Limit
            """,
            new { Tenant = tenant.Value, Limit = limit })).ToList();

    /// <summary>The ledger insert, with <c>@Tenant, @Sku, @Location, @Kind, @OnHandDelta, @ReservedDelta, @DamagedDelta, @Reference, @Reason, @At</c>.</summary>
    public const string AppendSql =
        """
        INSERT INTO inventory_ledger (tenant_id, sku, location_id, kind, on_hand_delta, reserved_delta, damaged_delta, reference, reason, occurred_at_ms)
        VALUES (@Tenant, @Sku, @Location, @Kind, @OnHandDelta, @ReservedDelta, @DamagedDelta, @Reference, @Reason, @At)
        """;

    /// <summary>Changes a level that must exist, if <paramref name="guard"/> holds; appends the entry. False when the guard failed.</summary>
    public async Task<bool> ChangeAsync(DbSession session, TenantId tenant, LedgerEntry entry, string guard, long atMs)
    {
        if (!await ChangeLevelAsync(session, tenant, entry, guard, atMs))
            return false;
        await AppendAsync(session, tenant, entry, atMs);
        return true;
    }

    /// <summary>Changes a level that must exist, if <paramref name="guard"/> holds, without its ledger entry (the caller writes it).</summary>
    public async Task<bool> ChangeLevelAsync(DbSession session, TenantId tenant, LedgerEntry entry, string guard, long atMs) =>
        await session.ExecuteHotAsync(
            $"""
            UPDATE inventory_stock_level
            SET on_hand = on_hand + @OnHandDelta, reserved = reserved + @ReservedDelta, damaged = damaged + @DamagedDelta, updated_at_ms = @At
            WHERE tenant_id = @Tenant AND sku = @Sku AND location_id = @Location AND {guard}
            """,
            EntryParameters, EntryValues(tenant, entry, atMs)) == 1;

    /// <summary>The names of a ledger entry's values, for the hot statements (in the order of <see cref="EntryValues"/>).</summary>
    public static readonly string[] EntryParameters =
        ["@Tenant", "@Sku", "@Location", "@Kind", "@OnHandDelta", "@ReservedDelta", "@DamagedDelta", "@Reference", "@Reason", "@Units", "@At"];

    public static object?[] EntryValues(TenantId tenant, LedgerEntry entry, long atMs) =>
    [
        tenant.Value, entry.Sku, entry.Location, entry.Kind, entry.OnHandDelta, entry.ReservedDelta, entry.DamagedDelta, entry.Reference, entry.Reason,
        Math.Max(Math.Abs(entry.OnHandDelta), Math.Abs(entry.ReservedDelta)), atMs,
    ];

    /// <summary>
    /// Adds units to a level, creating it when the SKU is new at the location, unless on hand or damaged would pass
    /// <see cref="StockLimits.MaxLevel"/>; appends the entry. The entry's id, or null when the bound refused it.
    /// </summary>
    public async Task<long?> AddAsync(DbSession session, TenantId tenant, LedgerEntry entry, long atMs)
    {
        var parameters = Parameters(tenant, entry, atMs);
        parameters.Add("Max", StockLimits.MaxLevel);
        var added = await session.Connection.ExecuteAsync(
            """
            INSERT INTO inventory_stock_level (tenant_id, sku, location_id, on_hand, reserved, safety_stock, damaged, updated_at_ms)
            VALUES (@Tenant, @Sku, @Location, @OnHandDelta, 0, 0, @DamagedDelta, @At)
            ON CONFLICT (tenant_id, sku, location_id) DO UPDATE
            SET on_hand = inventory_stock_level.on_hand + excluded.on_hand, damaged = inventory_stock_level.damaged + excluded.damaged,
                updated_at_ms = excluded.updated_at_ms
            WHERE inventory_stock_level.on_hand + excluded.on_hand <= @Max AND inventory_stock_level.damaged + excluded.damaged <= @Max
            """,
            parameters, session.Transaction);
        if (added == 0)
            return null;
        return await session.Connection.ExecuteScalarAsync<long>(AppendSql + " RETURNING entry_id", parameters, session.Transaction);
    }

    /// <summary>On hand less reserved at the location, read in the write (0 when the SKU has no level there).</summary>
    public async Task<long> ShelfAsync(DbSession session, TenantId tenant, Sku sku, LocationId location) =>
        await session.Connection.ExecuteScalarAsync<long?>(
            "SELECT on_hand - reserved FROM inventory_stock_level WHERE tenant_id = @Tenant AND sku = @Sku AND location_id = @Location",
            new { Tenant = tenant.Value, Sku = sku.Value, Location = location.Value }, session.Transaction) ?? 0;

    /// <summary>Sets the safety stock (a planning parameter, not a movement: no ledger entry).</summary>
    public Task SetSafetyStockAsync(DbSession session, TenantId tenant, Sku sku, LocationId location, long units, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO inventory_stock_level (tenant_id, sku, location_id, on_hand, reserved, safety_stock, damaged, updated_at_ms)
            VALUES (@Tenant, @Sku, @Location, 0, 0, @Units, 0, @At)
            ON CONFLICT (tenant_id, sku, location_id) DO UPDATE SET safety_stock = excluded.safety_stock, updated_at_ms = excluded.updated_at_ms
            """,
            new { Tenant = tenant.Value, Sku = sku.Value, Location = location.Value, Units = units, At = atMs }, session.Transaction);

    public async Task<IReadOnlyList<LedgerRow>> LedgerAsync(DbConnection connection, TenantId tenant, string sku, string? location, long afterEntryId, int limit) =>
        (await connection.QueryAsync<LedgerRow>(
            """
            SELECT entry_id AS EntryId, sku AS Sku, location_id AS Location, kind AS Kind, on_hand_delta AS OnHandDelta,
                   reserved_delta AS ReservedDelta, damaged_delta AS DamagedDelta, reference AS Reference, reason AS Reason, occurred_at_ms AS OccurredAtMs
            FROM inventory_ledger
            WHERE tenant_id = @Tenant AND sku = @Sku AND (@Location IS NULL OR location_id = @Location) AND entry_id > @After
            ORDER BY entry_id LIMIT @Limit
            """,
            new { Tenant = tenant.Value, Sku = sku, Location = location, After = afterEntryId, Limit = limit })).ToList();

    /// <summary>Levels whose on-hand, reserved or damaged differs from the sum of their ledger entries (empty when all agree).</summary>
    public async Task<IReadOnlyList<LedgerMismatch>> MismatchesAsync(DbConnection connection, TenantId? tenant) =>
        (await connection.QueryAsync<LedgerMismatch>(
            """
            SELECT l.tenant_id AS TenantId, l.sku AS Sku, l.location_id AS Location, l.on_hand AS OnHand, COALESCE(s.on_hand, 0) AS LedgerOnHand,
                   l.reserved AS Reserved, COALESCE(s.reserved, 0) AS LedgerReserved, l.damaged AS Damaged, COALESCE(s.damaged, 0) AS LedgerDamaged
            FROM inventory_stock_level l
            LEFT JOIN (SELECT tenant_id, sku, location_id, SUM(on_hand_delta) AS on_hand, SUM(reserved_delta) AS reserved, SUM(damaged_delta) AS damaged
                       FROM inventory_ledger WHERE (@Tenant IS NULL OR tenant_id = @Tenant) GROUP BY tenant_id, sku, location_id) s
              ON s.tenant_id = l.tenant_id AND s.sku = l.sku AND s.location_id = l.location_id
            WHERE (@Tenant IS NULL OR l.tenant_id = @Tenant)
              AND (l.on_hand <> COALESCE(s.on_hand, 0) OR l.reserved <> COALESCE(s.reserved, 0) OR l.damaged <> COALESCE(s.damaged, 0))
            ORDER BY l.tenant_id, l.sku, l.location_id
            """,
            new { Tenant = tenant?.Value })).ToList();

    public Task<long> CountOversoldAsync(DbConnection connection, TenantId? tenant) =>
        connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM inventory_stock_level WHERE (@Tenant IS NULL OR tenant_id = @Tenant) AND (on_hand < 0 OR reserved > on_hand)",
            new { Tenant = tenant?.Value });

    public Task<long> CountLevelsAsync(DbConnection connection, TenantId? tenant) =>
        connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inventory_stock_level WHERE (@Tenant IS NULL OR tenant_id = @Tenant)", new { Tenant = tenant?.Value });

    private Task<int> AppendAsync(DbSession session, TenantId tenant, LedgerEntry entry, long atMs) =>
        session.ExecuteHotAsync(AppendSql, EntryParameters, EntryValues(tenant, entry, atMs));

    public static DynamicParameters Parameters(TenantId tenant, LedgerEntry entry, long atMs) => new(new
    {
        Tenant = tenant.Value,
        entry.Sku,
        entry.Location,
        entry.Kind,
        entry.OnHandDelta,
        entry.ReservedDelta,
        entry.DamagedDelta,
        entry.Reference,
        entry.Reason,
        // The guards compare against the units being taken: the negative of the on-hand or reserved change.
        Units = Math.Max(Math.Abs(entry.OnHandDelta), Math.Abs(entry.ReservedDelta)),
        At = atMs,
    });
}

internal sealed class LevelRow
{
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long OnHand { get; init; }
    public long Reserved { get; init; }
    public long SafetyStock { get; init; }
    public long Damaged { get; init; }

    /// <summary>Every level is bounded by <see cref="StockLimits.MaxLevel"/> on the way in, so it fits an <c>int</c>; a row that does not is a bug.</summary>
    public StockPosition ToPosition() =>
        new(Kernel.Sku.FromStored(Sku), new LocationId(Location), checked((int)OnHand), checked((int)Reserved), checked((int)SafetyStock));
}

internal sealed class LedgerRow
{
    public long EntryId { get; init; }
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public string Kind { get; init; } = "";
    public long OnHandDelta { get; init; }
    public long ReservedDelta { get; init; }
    public long DamagedDelta { get; init; }
    public string? Reference { get; init; }
    public string? Reason { get; init; }
    public long OccurredAtMs { get; init; }
}

internal sealed class LedgerMismatch
{
    public string TenantId { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Location { get; init; } = "";
    public long OnHand { get; init; }
    public long LedgerOnHand { get; init; }
    public long Reserved { get; init; }
    public long LedgerReserved { get; init; }
    public long Damaged { get; init; }
    public long LedgerDamaged { get; init; }
}
