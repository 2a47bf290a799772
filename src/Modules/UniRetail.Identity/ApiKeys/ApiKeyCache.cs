using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Identity.Persistence;
using UniRetail.Kernel;
using UniRetail.Web.Access;

namespace UniRetail.Identity.ApiKeys;

/// <summary>
/// Every request authenticates, so valid keys are kept in memory for a few seconds: at most <see cref="Capacity"/> of them
/// (the least used go first), and never a miss — a flood of made-up key ids reads the database (and meets the rate
/// limiter) but cannot push a real key out. A revoked key is forgotten on every server within the invalidation poller's
/// interval (<see cref="InvalidationPoller.Interval"/>), on the revoking one at once.
/// </summary>
internal sealed class ApiKeyCache(Database database, ApiKeyStore store) : IInvalidationSubscriber, IDisposable
{
    public const string InvalidationTopic = "api_key";
    public const int Capacity = 100_000;
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);

    private readonly CredentialCache<ApiKeyRow> _keys = new(Capacity, TimeToLive);

    public string Topic => InvalidationTopic;

    public Task<ApiKeyRow?> FindAsync(string keyId, CancellationToken ct) =>
        _keys.GetAsync(keyId, () => database.ReadAsync(c => store.FindAsync(c, keyId), ct), row => row.RevokedAtMs is null);

    public void Invalidate(TenantId tenant, string item) => _keys.Remove(item);

    /// <summary>How many keys are held now.</summary>
    public int Count => _keys.Count;

    public void Dispose() => _keys.Dispose();
}
