using System.Security.Claims;
using UniRetail.Kernel;

namespace UniRetail.Web;

/// <summary>The claims an authenticated API key carries, and the <see cref="Caller"/> they make.</summary>
public static class CallerClaims
{
    public const string Tenant = "uniretail:tenant";
    public const string Role = "uniretail:role";
    public const string Store = "uniretail:store";
    public const string KeyId = "uniretail:key";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string keyId, string scheme)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var claims = new List<Claim>
        {
            new(Tenant, caller.Tenant.Value),
            new(Role, caller.Role.ToString()),
            new(KeyId, keyId),
        };
        if (caller.Store is { } store)
            claims.Add(new Claim(Store, store.Value));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Caller ToCaller(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var tenant = principal.FindFirstValue(Tenant) ?? throw new InvalidOperationException("The request is not authenticated.");
        var role = Enum.Parse<Role>(principal.FindFirstValue(Role)!);
        var store = principal.FindFirstValue(Store);
        return new Caller(new TenantId(tenant), role, store is null ? null : new LocationId(store));
    }
}
