using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using static UniRetail.Bench.CeilingSql;

namespace UniRetail.Bench;

/// <summary>
/// The ceiling event ingestion is measured against: the same rows inserted straight into <c>marketing_event</c> by a bare
/// loop on one raw connection, one transaction per batch of the request's size, with the writer's durability settings.
/// The best plain approach of each engine: on SQLite one prepared INSERT run per row (an in-process call each); on
/// PostgreSQL the batch's prepared INSERTs sent as one pipelined <see cref="DbBatch"/> (one round trip per batch, where a
/// statement at a time would pay one per row).
/// </summary>
internal static class IngestCeiling
{
    private static readonly (string Name, DbType Type)[] Parameters =
    [
        ("Tenant", DbType.String), ("Source", DbType.String), ("MessageId", DbType.String), ("SourceKind", DbType.String), ("Location", DbType.String),
        ("Type", DbType.String), ("Event", DbType.String), ("Name", DbType.String), ("UserId", DbType.String), ("AnonymousId", DbType.String),
        ("PreviousId", DbType.String), ("GroupId", DbType.String), ("TimestampMs", DbType.Int64), ("ReceivedAtMs", DbType.Int64),
        ("Properties", DbType.String), ("Traits", DbType.String), ("Context", DbType.String),
    ];

    /// <summary>The INSERT with <c>$1…$17</c> placeholders: a batch command's parameters are positional.</summary>
    private static readonly string Positional = Regex.Replace(
        InsertEvent, @"@(\w+)", m => $"${Array.FindIndex(Parameters, p => p.Name == m.Groups[1].Value) + 1}", RegexOptions.CultureInvariant);

    /// <summary>Inserts <paramref name="events"/> for <paramref name="tenant"/> under a source of the ceiling's own; returns rows per second.</summary>
    public static async Task<double> EventsPerSecondAsync(BenchDatabase database, string tenant, VisitorEvent[] events, int batchSize, CancellationToken ct)
    {
        await using var connection = await database.OpenRawAsync(ct);
        var source = $"src_ceiling_{Guid.NewGuid():N}";
        var receivedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var stored = 0;
        var started = Stopwatch.GetTimestamp();
        if (connection.CanCreateBatch)
        {
            for (var b = 0; b < events.Length; b += batchSize)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var e in events.AsSpan(b, Math.Min(batchSize, events.Length - b)))
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = Positional;
                    foreach (var value in Values(tenant, source, e, receivedAt))
                        command.Parameters.Add(Parameter(command.CreateParameter(), value));
                    batch.BatchCommands.Add(command);
                }
                await batch.PrepareAsync(ct);
                stored += await batch.ExecuteNonQueryAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }
        else
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = InsertEvent;
            foreach (var (name, type) in Parameters)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = type;
                insert.Parameters.Add(parameter);
            }
            insert.Prepare();
            for (var b = 0; b < events.Length; b += batchSize)
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                insert.Transaction = transaction;
                for (var n = b; n < Math.Min(b + batchSize, events.Length); n++)
                {
                    var values = Values(tenant, source, events[n], receivedAt);
                    for (var i = 0; i < values.Length; i++)
                        insert.Parameters[i].Value = values[i];
                    stored += await insert.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (stored != events.Length)
            throw new InvalidOperationException($"The ceiling stored {stored} of {events.Length} events.");
        return events.Length / elapsed.TotalSeconds;
    }

    private static object[] Values(string tenant, string source, VisitorEvent e, long receivedAt) =>
    [
        tenant, source, e.MessageId, "web", DBNull.Value, e.Type, (object?)e.Event ?? DBNull.Value, (object?)e.Name ?? DBNull.Value,
        (object?)e.UserId ?? DBNull.Value, e.AnonymousId, DBNull.Value, DBNull.Value, e.Timestamp.ToUnixTimeMilliseconds(), receivedAt,
        (object?)e.Properties ?? DBNull.Value, (object?)e.Traits ?? DBNull.Value, e.Context,
    ];

    private static DbParameter Parameter(DbParameter parameter, object value)
    {
        parameter.Value = value;
        return parameter;
    }
}
