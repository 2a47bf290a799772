using UniRetail.Catalog.Domain;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Pricing;

internal static class TenantCurrency
{
    /// <summary>The currency every price of the tenant is in.</summary>
    public static async Task<Result<Currency>> CurrencyOfAsync(this ITenantDirectory tenants, TenantId tenant, CancellationToken ct) =>
        await tenants.FindAsync(tenant, ct) is { } found ? found.Currency : CatalogErrors.UnknownTenant(tenant);
}
