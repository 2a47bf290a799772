using System.Collections.Concurrent;
using UniRetail.Data;
using UniRetail.Identity.Persistence;

namespace UniRetail.Identity.ApiKeys;

/// <summary>
/// Every request authenticates, so key rows are cached for a few seconds; a revocation through this process takes
/// effect at once, one through another process within <see cref="TimeToLive"/>.
/// </summary>
internal sealed class ApiKeyCache(Database database, ApiKeyStore store, TimeProvider clock)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, ApiKeyRow? Row)> _rows = new(StringComparer.Ordinal);

    public async Task<ApiKeyRow?> FindAsync(string keyId, CancellationToken ct)
    {
        if (_rows.TryGetValue(keyId, out var entry) && entry.Expires > clock.GetUtcNow())
            return entry.Row;
        var row = await database.ReadAsync(c => store.FindAsync(c, keyId), ct);
        if (_rows.Count > 100_000)
            _rows.Clear();
        _rows[keyId] = (clock.GetUtcNow() + TimeToLive, row);
        return row;
    }

    public void Forget(string keyId) => _rows.TryRemove(keyId, out _);
}
