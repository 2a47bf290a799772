using System.Data.Common;
using Dapper;
using UniRetail.Catalog.Domain;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Persistence;

internal sealed class PriceOverrideStore
{
    /// <summary>Sets the override, replacing one for the same target; false when the SKU is not in the tenant.</summary>
    public async Task<bool> UpsertAsync(DbSession session, TenantId tenant, PriceOverride priceOverride, long atMs)
    {
        var (scope, target) = PriceOverrideRow.Key(priceOverride.Target);
        // WHERE EXISTS makes the write conditional on the SKU; it also keeps SQLite from reading ON CONFLICT as a join.
        return await session.Connection.ExecuteAsync(
            """
            INSERT INTO catalog_price_override (tenant_id, sku, scope, target, price_minor, currency, updated_at_ms)
            SELECT @Tenant, @Sku, @Scope, @Target, @PriceMinor, @Currency, @At
            WHERE EXISTS (SELECT 1 FROM catalog_sku WHERE tenant_id = @Tenant AND sku = @Sku)
            ON CONFLICT (tenant_id, sku, scope, target) DO UPDATE SET price_minor = excluded.price_minor, currency = excluded.currency,
                updated_at_ms = excluded.updated_at_ms
            """,
            new
            {
                Tenant = tenant.Value, Sku = priceOverride.Sku.Value, Scope = scope, Target = target,
                PriceMinor = priceOverride.Price.MinorUnits, Currency = priceOverride.Price.Currency.Code, At = atMs,
            },
            session.Transaction) == 1;
    }

    /// <summary>Removes the override; false when there was none.</summary>
    public async Task<bool> DeleteAsync(DbSession session, TenantId tenant, Sku sku, PriceTarget target)
    {
        var (scope, key) = PriceOverrideRow.Key(target);
        return await session.Connection.ExecuteAsync(
            "DELETE FROM catalog_price_override WHERE tenant_id = @Tenant AND sku = @Sku AND scope = @Scope AND target = @Target",
            new { Tenant = tenant.Value, Sku = sku.Value, Scope = scope, Target = key }, session.Transaction) == 1;
    }

    public async Task<IReadOnlyList<PriceOverride>> ListAsync(DbConnection connection, TenantId tenant, IReadOnlyCollection<Sku> skus)
    {
        var found = new List<PriceOverride>();
        foreach (var batch in skus.Select(s => s.Value).Chunk(500))
        {
            var rows = await connection.QueryAsync<PriceOverrideRow>(
                $"""
                SELECT sku AS Sku, scope AS Scope, target AS Target, price_minor AS PriceMinor, currency AS Currency
                FROM catalog_price_override WHERE tenant_id = @Tenant AND {SqlLists.In(connection, "sku", "Skus")} ORDER BY sku, scope, target
                """,
                new { Tenant = tenant.Value, Skus = batch });
            found.AddRange(rows.Select(r => r.ToOverride()));
        }
        return found;
    }
}
