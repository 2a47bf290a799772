using System.Data.Common;
using Dapper;
using UniRetail.Data;

namespace UniRetail.Bench;

/// <summary>
/// Grows a tenant's order history for read benchmarks: the orders placed through the product are copied, with every
/// table that holds a row per order (<c>orders_*</c> and <c>fulfillment_*</c> tables keyed by <c>order_id</c>) copied
/// alongside, under new time-ordered ids (as <c>NewId</c> makes them) and with every <c>*_at_ms</c> moved back in time, so
/// the copies spread over the past <see cref="SpanDays"/> days. The source orders stay as they were (today's trade). Copies
/// are written in chunks of <see cref="CopiesPerTransaction"/> rounds, straight into the tables: this is a seeder for
/// benchmarks, not a product path — nothing else (stock, loyalty, the event bank) follows the copies.
/// </summary>
internal static class OrderCopies
{
    public const int SpanDays = 365;
    private const int CopiesPerTransaction = 20;
    private static readonly string[] Skipped = ["orders_idempotency_key", "orders_return"];

    /// <summary>Copies the tenant's orders until it has at least <paramref name="target"/>; returns the order count reached.</summary>
    public static async Task<long> GrowAsync(BenchDatabase database, string tenant, int target, Action<string> step, CancellationToken ct)
    {
        await using var connection = await database.OpenRawAsync(ct);
        var placed = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders_order WHERE tenant_id = @Tenant", new { Tenant = tenant });
        var rounds = (int)Math.Max(0, (target - placed + placed - 1) / Math.Max(1, placed));
        if (rounds == 0)
            return placed;
        var tables = await OrderTablesAsync(connection, database.Provider, ct);
        step($"{database.Name}: copying {placed:N0} orders {rounds:N0} times over {SpanDays} days ({string.Join(", ", tables.Select(t => t.Table))})");
        await connection.ExecuteAsync("CREATE TABLE bench_order_seed AS SELECT order_id, placed_at_ms FROM orders_order WHERE tenant_id = @Tenant", new { Tenant = tenant });
        await connection.ExecuteAsync("CREATE TABLE bench_order_copy (round INTEGER NOT NULL, old_id TEXT NOT NULL, new_id TEXT NOT NULL, shift_ms BIGINT NOT NULL)");
        await connection.ExecuteAsync("CREATE INDEX bench_order_copy_old ON bench_order_copy (old_id, round)");
        var spanMs = SpanDays * 86_400_000L;
        var newId = database.Provider == DatabaseProvider.Sqlite
            ? "'ord_' || printf('%012x', o.placed_at_ms - @Shift) || lower(hex(randomblob(10)))"
            : "'ord_' || lpad(to_hex(o.placed_at_ms - @Shift), 12, '0') || substr(md5(random()::text || o.order_id), 1, 20)";
        for (var first = 1; first <= rounds; first += CopiesPerTransaction)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var last = Math.Min(rounds, first + CopiesPerTransaction - 1);
            for (var round = first; round <= last; round++)
            {
                var shift = round * spanMs / rounds;
                await connection.ExecuteAsync(
                    $"INSERT INTO bench_order_copy (round, old_id, new_id, shift_ms) SELECT @Round, o.order_id, {newId}, @Shift FROM bench_order_seed o",
                    new { Round = round, Shift = shift }, tx);
            }
            foreach (var table in tables)
                await connection.ExecuteAsync(table.CopySql, new { Tenant = tenant, First = first, Last = last }, tx);
            await tx.CommitAsync(ct);
            step($"{database.Name}: {placed * (last + 1):N0} orders");
        }
        await connection.ExecuteAsync("DROP TABLE bench_order_copy");
        await connection.ExecuteAsync("DROP TABLE bench_order_seed");
        if (database.Provider == DatabaseProvider.Postgres)
            // What autovacuum does within a minute of a bulk load (SQLite keeps no statistics unless asked). Named tables: Dapper
            // would take a lone word for a stored procedure's name.
            await connection.ExecuteAsync($"ANALYZE {string.Join(", ", tables.Select(t => t.Table))}");
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders_order WHERE tenant_id = @Tenant", new { Tenant = tenant });
    }

    private sealed record OrderTable(string Table, string CopySql);

    /// <summary>Every orders_/fulfillment_ table with tenant_id and order_id columns, and its copy statement.</summary>
    private static async Task<List<OrderTable>> OrderTablesAsync(DbConnection connection, DatabaseProvider provider, CancellationToken ct)
    {
        var columns = provider == DatabaseProvider.Sqlite
            ? await connection.QueryAsync<(string Table, string Column)>(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid")
            : await connection.QueryAsync<(string Table, string Column)>(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position");
        ct.ThrowIfCancellationRequested();
        var tables = new List<OrderTable>();
        foreach (var table in columns.GroupBy(c => c.Table, StringComparer.Ordinal))
        {
            var names = table.Select(c => c.Column).ToList();
            if (!(table.Key.StartsWith("orders_", StringComparison.Ordinal) || table.Key.StartsWith("fulfillment_", StringComparison.Ordinal))
                || Skipped.Contains(table.Key) || !names.Contains("tenant_id") || !names.Contains("order_id"))
                continue;
            var values = names.Select(n => n == "order_id" ? "m.new_id" : n.EndsWith("_at_ms", StringComparison.Ordinal) ? $"t.{n} - m.shift_ms" : $"t.{n}");
            tables.Add(new OrderTable(table.Key,
                $"INSERT INTO {table.Key} ({string.Join(", ", names)}) SELECT {string.Join(", ", values)} FROM {table.Key} t " +
                "JOIN bench_order_copy m ON m.old_id = t.order_id WHERE t.tenant_id = @Tenant AND m.round BETWEEN @First AND @Last"));
        }
        return tables;
    }
}
