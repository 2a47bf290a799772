using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Domain.Replenishment;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.Replenishment;

/// <summary>How a shop reorders one SKU at one location (PUT: the whole setting; a retry writes the same).</summary>
public sealed record ShopSkuRequest(
    string? LocationId,
    int? CasePack,
    int? MinimumUnits,
    int? LeadTimeDays,
    int? CycleDays,
    decimal? ServiceLevel,
    int? OnOrder);

public sealed record ShopSkuView(string LocationId, string Sku, int CasePack, int MinimumUnits, int LeadTimeDays, int CycleDays, decimal ServiceLevel, int OnOrder);

internal sealed class ConfigureShopSku(Database database, ShopStore store, ShopLocation locations, TimeProvider clock)
{
    public const int MaxOnOrder = 100_000;

    public async Task<Result<ShopSkuView>> HandleAsync(Caller caller, string? skuCode, ShopSkuRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var sku = Sku.Parse(skuCode);
        if (!sku.IsSuccess)
            return sku.Error;
        var location = await locations.ResolveAsync(caller, request.LocationId, ct);
        if (!location.IsSuccess)
            return location.Error;
        var level = request.ServiceLevel ?? 0.95m;
        if (decimal.Round(level, 3) != level)
            return NetworkErrors.BadServiceLevel("serviceLevel");
        var policy = OrderPolicy.Create(level, request.LeadTimeDays ?? 1, request.CycleDays ?? 7, request.CasePack ?? 1, request.MinimumUnits ?? 0);
        if (!policy.IsSuccess)
            return policy.Error;
        var onOrder = request.OnOrder ?? 0;
        if (onOrder is < 0 or > MaxOnOrder)
            return NetworkErrors.BadOnOrder("onOrder");
        var p = policy.Value;
        var row = new ShopSkuRow
        {
            Sku = sku.Value.Value, CasePack = p.CasePack, MinimumUnits = p.MinimumUnits, LeadTimeDays = p.LeadTimeDays, CycleDays = p.CycleDays,
            ServiceLevelPermille = (int)(p.ServiceLevel * 1000), OnOrder = onOrder,
        };
        return await database.WriteAsync<ShopSkuView>(async session =>
        {
            await store.UpsertSkuAsync(session, caller.Tenant, location.Value, row, clock.GetUtcNow());
            return new ShopSkuView(location.Value.Value, row.Sku, row.CasePack, row.MinimumUnits, row.LeadTimeDays, row.CycleDays, p.ServiceLevel, onOrder);
        }, ct);
    }
}
