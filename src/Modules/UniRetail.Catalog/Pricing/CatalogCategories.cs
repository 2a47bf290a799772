using UniRetail.Catalog.Contracts;
using UniRetail.Catalog.Persistence;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Pricing;

/// <summary>Answers which categories hold products; a promotion checks its scope with it when it is saved, so no cache.</summary>
internal sealed class CatalogCategories(Database database, ProductStore products) : ICatalogCategories
{
    public async Task<IReadOnlySet<string>> KnownAsync(TenantId tenant, IReadOnlyCollection<string> categories, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return await database.ReadAsync(async c =>
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var category in categories.Distinct(StringComparer.Ordinal))
            {
                if (await products.CategoryHoldsProductsAsync(c, tenant, category))
                    known.Add(category);
            }
            return (IReadOnlySet<string>)known;
        }, ct);
    }
}
