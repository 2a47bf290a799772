using Microsoft.AspNetCore.Identity;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Identity.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Identity.Users;

/// <summary>A new console user; <see cref="Password"/> is set only when the password was generated (shown once).</summary>
internal sealed record CreateUserRequest(string? Email, string? Role, string? StoreId, string? Password);

internal sealed record UserView(string UserId, string Email, string Role, string? StoreId, bool LockedOut, DateTimeOffset CreatedAt);

internal sealed record UserCreated(UserView User, string? GeneratedPassword);

/// <summary>
/// Console users of a tenant, with the API keys' roles (admin, store staff bound to one store, marketer; integrations use
/// keys, not people). Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2).
/// </summary>
internal sealed class ManageUsers(Database database, UserStore users, ILocationDirectory locations, IPasswordHasher<UserRow> hasher, TimeProvider clock)
{
    public const int MaxListed = 500;

    public async Task<Result<UserCreated>> CreateAsync(Caller caller, CreateUserRequest request, CancellationToken ct)
    {
        if (caller.Role != Role.Admin)
            return Error.Forbidden("identity.role_forbidden", "Only an admin creates users.");
        var email = UserRules.Email(request.Email);
        if (!email.IsSuccess)
            return email.Error;
        var role = Roles.Parse(request.Role);
        if (!role.IsSuccess)
            return role.Error;
        if (role.Value == Role.Integration)
            return Error.Validation("identity.bad_user_role", "Integrations sign in with API keys: a user is an admin, store_staff or marketer.", "role");
        var store = await StoreOfAsync(caller.Tenant, role.Value, request.StoreId, ct);
        if (!store.IsSuccess)
            return store.Error;
        var generated = request.Password is null ? UserRules.NewPassword() : null;
        var password = UserRules.Password(request.Password ?? generated);
        if (!password.IsSuccess)
            return password.Error;
        var now = clock.GetUtcNow();
        var row = new UserRow
        {
            TenantId = caller.Tenant.Value, UserId = NewId.With("usr"), Email = email.Value, Role = Roles.ToName(role.Value),
            StoreId = store.Value?.Value, Stamp = UserRules.NewStamp(), CreatedAtMs = now.ToUnixTimeMilliseconds(),
        };
        row = row with { PasswordHash = hasher.HashPassword(row, password.Value) };
        return await database.WriteAsync<UserCreated>(async session =>
        {
            if (!await users.InsertAsync(session, row))
                return IdentityErrors.DuplicateUser(row.Email);
            return new UserCreated(View(row, now), generated);
        }, ct);
    }

    /// <summary>The tenant's users by e-mail (at most <see cref="MaxListed"/>).</summary>
    public async Task<IReadOnlyList<UserView>> ListAsync(Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await database.ReadAsync(c => users.ListAsync(c, caller.Tenant, MaxListed), ct)).Select(r => View(r, now)).ToList();
    }

    private async Task<Result<LocationId?>> StoreOfAsync(TenantId tenant, Role role, string? storeId, CancellationToken ct)
    {
        if (role != Role.StoreStaff)
            return string.IsNullOrWhiteSpace(storeId) ? (LocationId?)null : Error.Validation("identity.store_only_for_staff", "Only a store_staff user is bound to a store.", "storeId");
        if (string.IsNullOrWhiteSpace(storeId))
            return IdentityErrors.StoreRequiredForStaff();
        var location = await locations.FindAsync(tenant, new LocationId(storeId.Trim()), ct);
        if (location is null)
            return IdentityErrors.UnknownLocation(storeId, "storeId");
        if (location.Kind == LocationKind.Warehouse)
            return IdentityErrors.NotAStore(storeId);
        return location.Id;
    }

    internal static UserView View(UserRow row, DateTimeOffset now) => new(
        row.UserId, row.Email, row.Role, row.StoreId, row.LockedUntilMs > now.ToUnixTimeMilliseconds(), DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));
}
