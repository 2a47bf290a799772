using UniRetail.Catalog.Contracts;
using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Skus;

internal sealed class GtinLookup(Database database, SkuStore skus) : IGtinLookup
{
    public async Task<Result<IReadOnlyList<Sku>>> ResolveAsync(TenantId tenant, IReadOnlyList<string?> gtins, Func<int, string> fieldOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gtins);
        ArgumentNullException.ThrowIfNull(fieldOf);
        var parsed = new List<Gtin>(gtins.Count);
        for (var i = 0; i < gtins.Count; i++)
        {
            var gtin = Gtin.Parse(gtins[i], fieldOf(i));
            if (!gtin.IsSuccess)
                return gtin.Error;
            parsed.Add(gtin.Value);
        }
        var holders = await database.ReadAsync(c => skus.GtinHoldersAsync(c, null, tenant, parsed.Distinct().ToList()), ct);
        var found = new List<Sku>(parsed.Count);
        for (var i = 0; i < parsed.Count; i++)
        {
            if (!holders.TryGetValue(parsed[i].Gtin14, out var sku))
                return CatalogErrors.UnknownGtin(parsed[i].Value, fieldOf(i));
            found.Add(Sku.FromStored(sku));
        }
        return found;
    }

    public async Task<Result<Sku>> SkuOfAsync(TenantId tenant, string? gtin, string field, CancellationToken ct)
    {
        var found = await ResolveAsync(tenant, [gtin], _ => field, ct);
        return found.IsSuccess ? found.Value[0] : found.Error;
    }
}
