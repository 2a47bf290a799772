using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Identity.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Identity.Tenants;

/// <summary>A new tenant and its first admin key, whose token is shown this once.</summary>
internal sealed record TenantCreated(TenantId TenantId, string Name, string Currency, string AdminKey);

/// <summary>Creates a tenant (a brand or retailer) with its first admin key.</summary>
internal sealed class CreateTenant(Database database, TenantStore tenants, ApiKeyStore keys, TimeProvider clock)
{
    public async Task<Result<TenantCreated>> HandleAsync(string? name, string? currency, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
            return IdentityErrors.Required("name");
        var parsedCurrency = Currency.Parse(currency ?? "GBP");
        if (!parsedCurrency.IsSuccess)
            return parsedCurrency.Error;
        var tenant = new TenantInfo(TenantId.New(), name.Trim(), parsedCurrency.Value);
        var token = ApiKeyToken.New();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<TenantCreated>(async session =>
        {
            await tenants.InsertAsync(session, tenant, now);
            await keys.InsertAsync(session, tenant.Id, token, "first admin key", Role.Admin, null, now);
            return new TenantCreated(tenant.Id, tenant.Name, tenant.Currency.Code, token.Token);
        }, ct);
    }
}
