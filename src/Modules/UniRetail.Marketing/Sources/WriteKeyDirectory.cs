using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Web.Access;

namespace UniRetail.Marketing.Sources;

/// <summary>
/// Finds the source a write key opens. Every event request authenticates, so valid keys are held in memory for a short
/// while: at most <see cref="Capacity"/> (the least used go first), never a miss, so made-up key ids cannot push real ones
/// out. A key's end (a rotation's overlap) is checked on every request against the clock; a revocation or rotation reaches
/// every server through the cache invalidations (<see cref="InvalidationPoller.Interval"/>), the changing one at once.
/// </summary>
internal sealed class WriteKeyDirectory(Database database, SourceStore store, TimeProvider clock) : IInvalidationSubscriber, IDisposable
{
    public const string InvalidationTopic = "write_key";
    public const int Capacity = 100_000;
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private readonly CredentialCache<WriteKeyRow> _keys = new(Capacity, TimeToLive);

    public string Topic => InvalidationTopic;

    /// <summary>The source the token opens, or null when the token is malformed, unknown, revoked, past its end, or its secret is wrong.</summary>
    public async Task<EventOrigin?> AuthenticateAsync(string? token, CancellationToken ct)
    {
        var key = WriteKey.TryParse(token);
        if (key is null)
            return null;
        var row = await FindAsync(key.KeyId, ct);
        return row is not null && row.IsLiveAt(clock.GetUtcNow().ToUnixTimeMilliseconds()) && key.Matches(row.SecretHash) ? row.ToOrigin() : null;
    }

    public void Invalidate(TenantId tenant, string item) => _keys.Remove(item);

    public void Dispose() => _keys.Dispose();

    private Task<WriteKeyRow?> FindAsync(string keyId, CancellationToken ct) =>
        _keys.GetAsync(keyId, () => database.ReadAsync(c => store.FindKeyAsync(c, keyId), ct), row => row.RevokedAtMs is null);
}
