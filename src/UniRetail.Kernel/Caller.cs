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

    /// <summary>True when the caller may change commerce data (catalog, stock, members, orders).</summary>
    public bool CanWriteCommerce => Role is Role.Admin or Role.Integration or Role.StoreStaff;

    /// <summary>Fails unless the caller may act at <paramref name="location"/>: store staff only at their own store.</summary>
    public Result<Unit> EnsureCanActAt(LocationId location, string field = "locationId")
    {
        if (!CanWriteCommerce)
            return Error.Forbidden("identity.role_forbidden", $"The {Role} role cannot change commerce data.");
        if (Role == Role.StoreStaff && Store != location)
            return Error.Forbidden("identity.other_store", $"This key acts for store {Store}; it cannot act at {location}.", field);
        return Unit.Value;
    }

    /// <summary>Fails unless the caller may change tenant-wide commerce data (catalog, members): not store staff, not marketers.</summary>
    public Result<Unit> EnsureTenantWideWriter()
    {
        return Role is Role.Admin or Role.Integration
            ? Unit.Value
            : Error.Forbidden("identity.role_forbidden", $"The {Role} role cannot change tenant-wide data.");
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
