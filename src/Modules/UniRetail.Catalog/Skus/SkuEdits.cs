using UniRetail.Kernel;

namespace UniRetail.Catalog.Skus;

internal static class SkuEdits
{
    /// <summary>The SKU a price or sale change names, when the caller may change tenant-wide catalog data.</summary>
    public static Result<Sku> EditableSku(this Caller caller, string? sku)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var allowed = caller.EnsureTenantWideWriter();
        return allowed.IsSuccess ? Sku.Parse(sku) : allowed.Error;
    }
}
