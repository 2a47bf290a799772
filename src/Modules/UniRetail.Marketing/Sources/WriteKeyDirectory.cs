using System.Collections.Concurrent;
using UniRetail.Data;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Sources;

/// <summary>
/// Finds the source a write key belongs to. Every event request authenticates, so source rows are cached for a short
/// time (sources are never deleted in this slice; a new one is found on its first use).
/// </summary>
internal sealed class WriteKeyDirectory(Database database, SourceStore store, TimeProvider clock)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, SourceRow? Row)> _rows = new(StringComparer.Ordinal);

    /// <summary>The source the token opens, or null when the token is malformed, unknown or its secret is wrong.</summary>
    public async Task<EventOrigin?> AuthenticateAsync(string? token, CancellationToken ct)
    {
        var key = WriteKey.TryParse(token);
        if (key is null)
            return null;
        var row = await FindAsync(key.KeyId, ct);
        return row is not null && key.Matches(row.WriteKeyHash) ? row.ToOrigin() : null;
    }

    private async Task<SourceRow?> FindAsync(string keyId, CancellationToken ct)
    {
        if (_rows.TryGetValue(keyId, out var entry) && entry.Expires > clock.GetUtcNow())
            return entry.Row;
        var row = await database.ReadAsync(c => store.FindByKeyAsync(c, keyId), ct);
        if (_rows.Count > 100_000)
            _rows.Clear();
        _rows[keyId] = (clock.GetUtcNow() + TimeToLive, row);
        return row;
    }
}
