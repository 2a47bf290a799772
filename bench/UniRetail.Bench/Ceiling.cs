using System.Data;
using System.Data.Common;
using System.Diagnostics;
using UniRetail.Kernel;
using static UniRetail.Bench.CeilingSql;

namespace UniRetail.Bench;

/// <summary>What the bare loop measured, with the time each statement took on average (µs per execution).</summary>
internal sealed record CeilingRun(int Orders, TimeSpan Elapsed, IReadOnlyList<(string Statement, int PerOrder, double MicrosEach)> Statements)
{
    public double PerSecond => Orders / Elapsed.TotalSeconds;
}

/// <summary>
/// The ceiling the product is measured against: the same rows one order writes, inserted by a bare loop on one raw
/// connection, one transaction (and so one fsync) per order, with the writer's durability settings. The commands are
/// prepared once and reused, unless <c>prepared</c> is false: then each statement gets a new command, as Dapper does.
/// </summary>
internal static class Ceiling
{
    private const string Location = "loc_ceiling_dc";
    private const string Tenant = "ten_ceiling";
    private const int Skus = 200;

    /// <summary>Minimal durable commits per second: one 1-row UPDATE per transaction (an empty one would not touch the disk).</summary>
    public static async Task<double> CommitRateAsync(BenchDatabase database, int commits, CancellationToken ct)
    {
        await using var connection = await database.OpenRawAsync(ct);
        await ExecuteAsync(connection, CreateTick, ct);
        await ExecuteAsync(connection, "DELETE FROM bench_fsync", ct);
        await ExecuteAsync(connection, SeedTick, ct);
        var tick = new Statement(connection, Tick, [], prepared: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < commits; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await tick.RunAsync(transaction);
            await transaction.CommitAsync(ct);
        }
        return commits / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Stocks the ceiling's own tenant (outside the timing) so its updates hit rows as the product's do.</summary>
    public static async Task SeedAsync(BenchDatabase database, CancellationToken ct)
    {
        await using var connection = await database.OpenRawAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var seed = new Statement(connection, SeedLevel, [("Tenant", DbType.String), ("Sku", DbType.String), ("Location", DbType.String), ("OnHand", DbType.Int64)], true);
        for (var i = 0; i < Skus; i++)
            await seed.RunAsync(transaction, Tenant, SkuOf(i), Location, 100_000_000L);
        await transaction.CommitAsync(ct);
    }

    public static async Task<CeilingRun> OrdersAsync(BenchDatabase database, int orders, string routing, bool prepared, CancellationToken ct)
    {
        await using var connection = await database.OpenRawAsync(ct);
        var reserve = new Statement(connection, ReserveLevel, [("OnHandDelta", DbType.Int64), ("ReservedDelta", DbType.Int64), ("DamagedDelta", DbType.Int64),
            ("At", DbType.Int64), ("Tenant", DbType.String), ("Sku", DbType.String), ("Location", DbType.String), ("Units", DbType.Int64)], prepared);
        var ledger = new Statement(connection, AppendLedger, [("Tenant", DbType.String), ("Sku", DbType.String), ("Location", DbType.String), ("Kind", DbType.String),
            ("OnHandDelta", DbType.Int64), ("ReservedDelta", DbType.Int64), ("DamagedDelta", DbType.Int64), ("Reference", DbType.String),
            ("Reason", DbType.String), ("At", DbType.Int64)], prepared);
        var hold = new Statement(connection, InsertHold, [("Tenant", DbType.String), ("Id", DbType.String), ("Reference", DbType.String), ("Sku", DbType.String),
            ("Location", DbType.String), ("Quantity", DbType.Int64), ("Expires", DbType.Int64), ("At", DbType.Int64)], prepared);
        var key = new Statement(connection, ClaimKey, [("Tenant", DbType.String), ("Key", DbType.String), ("Order", DbType.String), ("Hash", DbType.String),
            ("At", DbType.Int64)], prepared);
        var order = new Statement(connection, InsertOrder, [("Tenant", DbType.String), ("Id", DbType.String), ("Channel", DbType.String), ("Fulfilment", DbType.String),
            ("Status", DbType.String), ("Member", DbType.String), ("Store", DbType.String), ("Lat", DbType.Double), ("Lon", DbType.Double),
            ("Currency", DbType.String), ("Total", DbType.Int64), ("Routing", DbType.String), ("At", DbType.Int64), ("Version", DbType.Int64)], prepared);
        var line = new Statement(connection, InsertLine, [("Tenant", DbType.String), ("Order", DbType.String), ("LineNo", DbType.Int64), ("Sku", DbType.String),
            ("Name", DbType.String), ("Quantity", DbType.Int64), ("Price", DbType.Int64)], prepared);
        var allocation = new Statement(connection, InsertAllocation, [("Tenant", DbType.String), ("Order", DbType.String), ("LineNo", DbType.Int64),
            ("Location", DbType.String), ("Quantity", DbType.Int64)], prepared);
        var history = new Statement(connection, AppendHistory, [("Tenant", DbType.String), ("Order", DbType.String), ("Seq", DbType.Int64), ("Status", DbType.String),
            ("Note", DbType.String), ("Actor", DbType.String), ("At", DbType.Int64)], prepared);
        var begin = new Timed();
        var commit = new Timed();

        var random = new Random(20261122);
        var hash = new string('a', 64);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < orders; i++)
        {
            var id = NewId.With("ord");
            var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var first = random.Next(Skus);
            var skus = new[] { SkuOf(first), SkuOf((first + 1 + random.Next(Skus - 1)) % Skus) };
            var t0 = Stopwatch.GetTimestamp();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            begin.Add(t0);
            foreach (var sku in skus)
            {
                if (await reserve.RunAsync(transaction, 0L, 1L, 0L, at, Tenant, sku, Location, 1L) != 1)
                    throw new InvalidOperationException("The ceiling's stock ran out; seed more.");
                await ledger.RunAsync(transaction, Tenant, sku, Location, "reservation", 0L, 1L, 0L, id, null, at);
                await hold.RunAsync(transaction, Tenant, NewId.With("res"), id, sku, Location, 1L, null, at);
            }
            await key.RunAsync(transaction, Tenant, $"ceiling-{id}", id, hash, at);
            await order.RunAsync(transaction, Tenant, id, "web", "ship_to_home", "allocated", null, null, 51.5, -0.12, "GBP", 1_798L, routing, at, 1L);
            for (var n = 0; n < skus.Length; n++)
                await line.RunAsync(transaction, Tenant, id, n + 1L, skus[n], "Bench product", 1L, 899L);
            for (var n = 0; n < skus.Length; n++)
                await allocation.RunAsync(transaction, Tenant, id, n + 1L, Location, 1L);
            await history.RunAsync(transaction, Tenant, id, 1L, "allocated", null, "Integration", at);
            var t1 = Stopwatch.GetTimestamp();
            await transaction.CommitAsync(ct);
            commit.Add(t1);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var statements = new[] { ("BEGIN", begin), ("UPDATE inventory_stock_level", reserve.Time), ("INSERT inventory_ledger", ledger.Time),
            ("INSERT inventory_reservation", hold.Time), ("INSERT orders_idempotency_key", key.Time), ("INSERT orders_order", order.Time), ("INSERT orders_line", line.Time),
            ("INSERT orders_allocation", allocation.Time), ("INSERT orders_status_change", history.Time), ("COMMIT", commit) };
        return new CeilingRun(orders, elapsed, statements.Select(s => (s.Item1, s.Item2.Count / orders, s.Item2.MicrosEach)).ToList());
    }

    private static string SkuOf(int i) => $"CEIL-{10_000 + i}";

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Counts and times executions of one kind.</summary>
    private sealed class Timed
    {
        private long _ticks;

        public int Count { get; private set; }

        public double MicrosEach => Count == 0 ? 0 : _ticks * 1_000_000.0 / Stopwatch.Frequency / Count;

        public void Add(long startedAt)
        {
            _ticks += Stopwatch.GetTimestamp() - startedAt;
            Count++;
        }
    }

    /// <summary>One statement: a command prepared once and re-bound per execution, or a fresh command each time.</summary>
    private sealed class Statement(DbConnection connection, string sql, (string Name, DbType Type)[] parameters, bool prepared)
    {
        private DbCommand? _command;

        public Timed Time { get; } = new();

        public async Task<int> RunAsync(DbTransaction transaction, params object?[] values)
        {
            var t0 = Stopwatch.GetTimestamp();
            var command = _command ?? Create(transaction);
            command.Transaction = transaction;
            for (var i = 0; i < values.Length; i++)
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            var changed = await command.ExecuteNonQueryAsync();
            if (!prepared)
                await command.DisposeAsync();
            Time.Add(t0);
            return changed;
        }

        private DbCommand Create(DbTransaction transaction)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, type) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = type;
                command.Parameters.Add(parameter);
            }
            if (prepared)
            {
                command.Prepare();
                _command = command;
            }
            return command;
        }
    }
}
