using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UniRetail.Kernel;

namespace UniRetail.Data.Invalidation;

/// <summary>
/// Reads the invalidation notices other servers wrote and applies them here. Sequence numbers can commit out of order on
/// PostgreSQL, so besides everything after the last one seen it re-reads the last <see cref="Overlap"/> of notices
/// (applying one twice is harmless). Notices older than an hour are deleted.
/// </summary>
public sealed class InvalidationPoller(Database database, Invalidations invalidations, TimeProvider clock, ILogger<InvalidationPoller> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private long _lastSeq = -1;
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    /// <summary>Reads and applies what is new; returns how many notices were applied.</summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var notices = await database.ReadAsync(c => NewAsync(c, now), ct);
        foreach (var notice in notices)
        {
            invalidations.Apply(new TenantId(notice.TenantId), notice.Topic, notice.Item);
            _lastSeq = Math.Max(_lastSeq, notice.Seq);
        }
        if (now - _lastCleanup > TimeSpan.FromMinutes(1))
        {
            _lastCleanup = now;
            await database.WriteAsync<int>(async s => await s.Connection.ExecuteAsync(
                "DELETE FROM data_invalidation WHERE at_ms < @Before", new { Before = (now - Kept).ToUnixTimeMilliseconds() }, s.Transaction), ct);
        }
        return notices.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // What was published before this server started concerns caches it does not have yet.
        _lastSeq = await database.ReadAsync(c => c.ExecuteScalarAsync<long?>("SELECT MAX(seq) FROM data_invalidation"), stoppingToken) ?? 0;
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading cache invalidations failed; trying again in {Interval}", Interval);
            }
        }
    }

    private async Task<List<Notice>> NewAsync(DbConnection connection, DateTimeOffset now) =>
        (await connection.QueryAsync<Notice>(
            "SELECT seq AS Seq, tenant_id AS TenantId, topic AS Topic, item AS Item FROM data_invalidation WHERE seq > @After OR at_ms >= @Since ORDER BY seq LIMIT 10000",
            new { After = _lastSeq, Since = (now - Overlap).ToUnixTimeMilliseconds() })).ToList();

    private sealed class Notice
    {
        public long Seq { get; init; }
        public string TenantId { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Item { get; init; } = "";
    }
}
