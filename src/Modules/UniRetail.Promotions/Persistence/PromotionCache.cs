using System.Collections.Concurrent;
using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Domain;
using UniRetail.Promotions.Engine;

namespace UniRetail.Promotions.Persistence;

/// <summary>
/// Each tenant's active promotions as one immutable <see cref="PromotionIndex"/>, loaded on first use and dropped when any
/// server saves a promotion of the tenant (the save publishes an invalidation notice in its own transaction; every server's
/// poller applies it within a quarter of a second). A pricing call holds one snapshot from start to end.
/// </summary>
internal sealed class PromotionCache(Database database, PromotionStore store, ITenantDirectory tenants) : IInvalidationSubscriber
{
    public const string TopicName = "promotions";

    private readonly ConcurrentDictionary<TenantId, Lazy<Task<PromotionIndex>>> _tenants = new();

    public string Topic => TopicName;

    public void Invalidate(TenantId tenant, string item) => _tenants.TryRemove(tenant, out _);

    public async Task<PromotionIndex> IndexOfAsync(TenantId tenant, Currency currency)
    {
        var entry = _tenants.GetOrAdd(tenant, t => new Lazy<Task<PromotionIndex>>(() => LoadAsync(t, currency)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            _tenants.TryRemove(new KeyValuePair<TenantId, Lazy<Task<PromotionIndex>>>(tenant, entry));
            throw;
        }
    }

    // Loaded without the caller's cancellation: the entry is shared, and one caller giving up must not fail the others.
    private async Task<PromotionIndex> LoadAsync(TenantId tenant, Currency currency)
    {
        var (rows, revision) = await database.ReadAsync(c => store.ActiveAsync(c, tenant), CancellationToken.None);
        return PromotionIndex.Build(rows.Select(r => ToPromotion(r, currency)), revision);
    }

    public static Promotion ToPromotion(PromotionRow row, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(row);
        var parsed = PromotionParser.Parse(row.ToRequest(), currency);
        if (!parsed.IsSuccess)
            throw new InvalidOperationException($"Stored promotion {row.PromotionId} no longer parses: {parsed.Error.Code} {parsed.Error.Message}");
        return ToPromotion(new PromotionId(row.PromotionId), parsed.Value, row.Version, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAtMs));
    }

    public static Promotion ToPromotion(PromotionId id, ParsedPromotion p, int version, DateTimeOffset updatedAt) =>
        new(id, p.Code, p.Name, p.Active, p.Priority, p.Exclusive, p.StackingGroup, p.Rule, p.Conditions, version, updatedAt);

    /// <summary>The tenant's currency, which every amount of its promotions is in.</summary>
    public async Task<Currency?> CurrencyOfAsync(TenantId tenant, CancellationToken ct) => (await tenants.FindAsync(tenant, ct))?.Currency;
}
