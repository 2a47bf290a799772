using UniRetail.Kernel;

namespace UniRetail.Catalog.Contracts;

/// <summary>Finds the SKU a scanned barcode names, for modules that take scans (a bag, a till).</summary>
public interface IGtinLookup
{
    /// <summary>
    /// The tenant's SKU with this GTIN-8/12/13/14: <c>catalog.gtin_malformed</c> or <c>catalog.gtin_bad_check_digit</c> for a
    /// code that is not one, <c>catalog.unknown_gtin</c> when no SKU has it, all at <paramref name="field"/>.
    /// </summary>
    Task<Result<Sku>> SkuOfAsync(TenantId tenant, string? gtin, string field, CancellationToken ct);
}
