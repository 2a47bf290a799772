using UniRetail.Kernel;

namespace UniRetail.Catalog.Contracts;

/// <summary>Barcodes to SKUs, for what a till, a bag or a scanner reads.</summary>
public interface IGtinLookup
{
    /// <summary>
    /// The SKU of each of <paramref name="gtins"/>, in order (GTIN-8, -12, -13 or -14; a UPC-A and the EAN-13 of one item are
    /// one), or the first refusal at <paramref name="fieldOf"/>(index): <c>catalog.gtin_malformed</c>,
    /// <c>catalog.gtin_bad_check_digit</c>, <c>catalog.unknown_gtin</c>. One read, however many GTINs.
    /// </summary>
    Task<Result<IReadOnlyList<Sku>>> ResolveAsync(TenantId tenant, IReadOnlyList<string?> gtins, Func<int, string> fieldOf, CancellationToken ct);

    /// <summary>One scanned GTIN's SKU, with the refusals of <see cref="ResolveAsync"/> at <paramref name="field"/>.</summary>
    Task<Result<Sku>> SkuOfAsync(TenantId tenant, string? gtin, string field, CancellationToken ct);
}
