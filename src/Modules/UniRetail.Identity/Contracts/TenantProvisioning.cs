using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Identity.Contracts;

/// <summary>A tenant made by another module, and its first admin key (the token is shown this once).</summary>
public sealed record ProvisionedTenant(TenantId TenantId, string Name, string Currency, string AdminKey);

/// <summary>
/// Creates a tenant with its first admin key inside the caller's write transaction (<see cref="DbSession"/>), so a tenant
/// made for something else (a shop signed up to a platform) commits with that thing or not at all.
/// </summary>
public interface ITenantProvisioning
{
    /// <summary>Fails with <c>identity.required</c> (name) or a currency problem; writes nothing then.</summary>
    Task<Result<ProvisionedTenant>> CreateAsync(DbSession session, string? name, string? currency, CancellationToken ct);
}
