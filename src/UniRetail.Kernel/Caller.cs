namespace UniRetail.Kernel;

/// <summary>What an API key may do within its tenant.</summary>
public enum Role
{
    /// <summary>Everything in the tenant, including keys and locations.</summary>
    Admin,
    /// <summary>Store operations (POS, picking, returns, stock) at one store; reads across the tenant.</summary>
    StoreStaff,
    /// <summary>Reads members and orders; later, campaigns and audiences.</summary>
    Marketer,
    /// <summary>A system integration: catalog, stock, members and orders, but not keys.</summary>
    Integration,
}

/// <summary>Who is calling: the tenant every query is scoped to, the role, and for store staff the one store they act for.</summary>
public sealed record Caller(TenantId Tenant, Role Role, LocationId? Store = null)
{
    /// <summary>The tenant's own full access (the CLI, the demo, tenant set-up).</summary>
    public static Caller AdminOf(TenantId tenant) => new(tenant, Role.Admin);

    /// <summary>
    /// Fails unless the caller may act at <paramref name="location"/>: store staff only at their own store, every other
    /// role anywhere in the tenant. Whether the role may call an operation at all is decided before (the role reach).
    /// </summary>
    public Result<Unit> EnsureCanActAt(LocationId location, string field = "locationId")
    {
        if (Role == Role.StoreStaff && Store != location)
            return Error.Forbidden("identity.other_store", $"This key acts for store {Store}; it cannot act at {location}.", field);
        return Unit.Value;
    }
}

/// <summary>Roles as written in the API and CLI: <c>admin</c>, <c>store_staff</c>, <c>marketer</c>, <c>integration</c>.</summary>
public static class Roles
{
    /// <summary>The API name of a role.</summary>
    public static string ToName(Role role) => role switch
    {
        Role.Admin => "admin",
        Role.StoreStaff => "store_staff",
        Role.Marketer => "marketer",
        Role.Integration => "integration",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Parses an API role name.</summary>
    public static Result<Role> Parse(string? name, string field = "role") => name?.Trim().ToLowerInvariant() switch
    {
        "admin" => Role.Admin,
        "store_staff" => Role.StoreStaff,
        "marketer" => Role.Marketer,
        "integration" => Role.Integration,
        _ => Error.Validation("identity.bad_role", $"'{name}' is not a role (admin, store_staff, marketer, integration).", field),
    };
}
