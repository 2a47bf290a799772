using UniRetail.Kernel;

namespace UniRetail.Identity.Domain;

/// <summary>Roles as written in the API and CLI: <c>admin</c>, <c>store_staff</c>, <c>marketer</c>, <c>integration</c>.</summary>
internal static class RoleNames
{
    public static string ToName(Role role) => role switch
    {
        Role.Admin => "admin",
        Role.StoreStaff => "store_staff",
        Role.Marketer => "marketer",
        Role.Integration => "integration",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static Result<Role> Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "admin" => Role.Admin,
        "store_staff" => Role.StoreStaff,
        "marketer" => Role.Marketer,
        "integration" => Role.Integration,
        _ => IdentityErrors.BadRole(name),
    };
}
