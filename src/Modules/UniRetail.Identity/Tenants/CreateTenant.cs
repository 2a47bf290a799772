using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Identity.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Identity.Tenants;

/// <summary>A new tenant and its first admin key, whose token is shown this once.</summary>
internal sealed record TenantCreated(TenantId TenantId, string Name, string Currency, string AdminKey);

/// <summary>Creates a tenant (a brand or retailer) with its first admin key; other modules do it inside their own write.</summary>
internal sealed class CreateTenant(Database database, TenantStore tenants, ApiKeyStore keys, TimeProvider clock) : ITenantProvisioning
{
    public async Task<Result<TenantCreated>> HandleAsync(string? name, string? currency, CancellationToken ct)
    {
        var valid = Validate(name, currency);
        if (!valid.IsSuccess)
            return valid.Error;
        return await database.WriteAsync(session => InsertAsync(session, valid.Value), ct);
    }

    public async Task<Result<ProvisionedTenant>> CreateAsync(DbSession session, string? name, string? currency, CancellationToken ct)
    {
        var valid = Validate(name, currency);
        if (!valid.IsSuccess)
            return valid.Error;
        var created = await InsertAsync(session, valid.Value);
        return created.Map(c => new ProvisionedTenant(c.TenantId, c.Name, c.Currency, c.AdminKey));
    }

    private static Result<TenantInfo> Validate(string? name, string? currency)
    {
        if (string.IsNullOrWhiteSpace(name))
            return IdentityErrors.Required("name");
        var parsedCurrency = Currency.Parse(currency ?? "GBP");
        if (!parsedCurrency.IsSuccess)
            return parsedCurrency.Error;
        return new TenantInfo(TenantId.New(), name.Trim(), parsedCurrency.Value);
    }

    private async Task<Result<TenantCreated>> InsertAsync(DbSession session, TenantInfo tenant)
    {
        var token = ApiKeyToken.New();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await tenants.InsertAsync(session, tenant, now);
        await keys.InsertAsync(session, tenant.Id, token, "first admin key", Role.Admin, null, now);
        return new TenantCreated(tenant.Id, tenant.Name, tenant.Currency.Code, token.Token);
    }
}
