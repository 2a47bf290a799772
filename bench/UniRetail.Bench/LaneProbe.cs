using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using UniRetail.Data;
using UniRetail.Orders.Contracts;

namespace UniRetail.Bench;

/// <summary>One kind of statement the writer lane ran: how often, and the lane time up to and including it.</summary>
internal sealed record LaneStatement(string Statement, long Count, double LaneMicros);

/// <summary>What the probe saw while recording: group-commit batches and, on SQLite, where the writer lane's time went.</summary>
internal sealed record LaneProfile(int Orders, IReadOnlyList<int> BatchSizes, double LaneMicrosPerOrder, IReadOnlyList<LaneStatement> Statements);

/// <summary>
/// A profiling aid the product does not ship: subscribes to <see cref="OrderPlaced"/>, which is published inside each
/// order's write, so it sees which batch (session) every order committed in. On SQLite it also hooks the writer
/// connection's statement profiler: the lane time between one statement finishing and the next is charged to the next
/// (so it includes the C# work before it, Dapper's command set-up and the statement's prepare, not just its execution).
/// </summary>
internal sealed partial class LaneProbe : IDomainEventSubscriber<OrderPlaced>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DbSession, int> _batches = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DbSession, long> _lastInBatch = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, (long Count, long Ticks)> _statements = new(StringComparer.Ordinal);
    private readonly HashSet<SqliteConnection> _hooked = [];
    private readonly strdelegate_profile _onStatement;
    private long _inBatchTicks;
    private int _inBatchGaps;
    private long _lastStatement;
    private bool _recording;

    public LaneProbe() => _onStatement = OnStatement;

    public void AddTo(IServiceCollection services) => services.AddSingleton<IDomainEventSubscriber<OrderPlaced>>(this);

    public void Start()
    {
        lock (_gate)
        {
            _batches.Clear();
            _lastInBatch.Clear();
            _statements.Clear();
            _inBatchTicks = 0;
            _inBatchGaps = 0;
            _lastStatement = Stopwatch.GetTimestamp();
            _recording = true;
        }
    }

    public LaneProfile Stop()
    {
        lock (_gate)
        {
            _recording = false;
            var orders = _batches.Values.Sum();
            var statements = _statements
                .Select(s => new LaneStatement(s.Key, s.Value.Count, s.Value.Ticks * 1_000_000.0 / Stopwatch.Frequency))
                .OrderByDescending(s => s.LaneMicros).ToList();
            // On SQLite the statement hook covers the whole lane; elsewhere, the gaps between orders of one batch.
            var laneMicros = statements.Count > 0
                ? statements.Sum(s => s.LaneMicros) / Math.Max(1, orders)
                : _inBatchTicks * 1_000_000.0 / Stopwatch.Frequency / Math.Max(1, _inBatchGaps);
            return new LaneProfile(orders, _batches.Values.ToList(), laneMicros, statements);
        }
    }

    public Task HandleAsync(OrderPlaced domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            if (session.Connection is SqliteConnection sqlite && _hooked.Add(sqlite))
                raw.sqlite3_profile(sqlite.Handle, _onStatement, null);
            if (!_recording)
                return Task.CompletedTask;
            var now = Stopwatch.GetTimestamp();
            _batches[session] = _batches.GetValueOrDefault(session) + 1;
            if (_lastInBatch.TryGetValue(session, out var previous))
            {
                _inBatchTicks += now - previous;
                _inBatchGaps++;
            }
            _lastInBatch[session] = now;
        }
        return Task.CompletedTask;
    }

    private void OnStatement(object userData, string statement, long nanoseconds)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (!_recording)
                return;
            var key = KeyOf(statement);
            var (count, ticks) = _statements.GetValueOrDefault(key);
            _statements[key] = (count + 1, ticks + now - _lastStatement);
            _lastStatement = now;
        }
    }

    /// <summary>"UPDATE inventory_stock_level", "SELECT … FROM orders_order", "SAVEPOINT", "COMMIT".</summary>
    private static string KeyOf(string sql)
    {
        var text = Whitespace().Replace(sql, " ").Trim().TrimEnd(';');
        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && FromTable().Match(text) is { Success: true } from)
            return $"SELECT … FROM {from.Groups[1].Value}";
        var words = text.Split(' ');
        return words[0].ToUpperInvariant() switch
        {
            "INSERT" => $"INSERT {words[2]}",
            "UPDATE" => $"UPDATE {words[1]}",
            "RELEASE" => "RELEASE SAVEPOINT",
            "ROLLBACK" when words.Length > 1 => "ROLLBACK TO SAVEPOINT",
            var first => first,
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\bFROM\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromTable();
}
