using Microsoft.Extensions.Caching.Memory;

namespace UniRetail.Web.Access;

/// <summary>
/// Credentials (API keys, write keys) by id, for the few seconds between two requests that present them: at most
/// <paramref name="capacity"/> entries (the least used go first), each for <paramref name="timeToLive"/>, and never a miss
/// or a revoked credential — a flood of made-up ids reads the database (and meets the rate limiter) but cannot push a real
/// one out. The owner drops an entry when the cache invalidations say it changed.
/// </summary>
public sealed class CredentialCache<TRow>(int capacity, TimeSpan timeToLive) : IDisposable where TRow : class
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });

    /// <summary>The cached row, or the loaded one, kept only when <paramref name="keep"/> says it is live.</summary>
    public async Task<TRow?> GetAsync(string id, Func<Task<TRow?>> load, Func<TRow, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(keep);
        if (_entries.TryGetValue(id, out TRow? cached))
            return cached;
        var row = await load();
        if (row is not null && keep(row))
            _entries.Set(id, row, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = timeToLive });
        return row;
    }

    public void Remove(string id) => _entries.Remove(id);

    /// <summary>How many credentials are held now.</summary>
    public int Count => _entries.Count;

    public void Dispose() => _entries.Dispose();
}
