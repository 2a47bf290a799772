using Microsoft.AspNetCore.Identity;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Identity.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Identity.Users;

/// <summary>A user who proved their password: who they act as, and the stamp their cookie carries.</summary>
internal sealed record SignedInUser(string UserId, string Email, Caller Caller, string Stamp);

/// <summary>
/// Checks a console sign-in. An unknown tenant or e-mail and a wrong password answer alike (and cost one hash, so timing
/// does not tell them apart); <see cref="UserRules.MaxFailedSignIns"/> failures in a row lock the user for
/// <see cref="UserRules.LockOut"/>, during which even the right password is refused.
/// </summary>
internal sealed class SignInUser(Database database, UserStore users, ITenantDirectory tenants, IPasswordHasher<UserRow> hasher, TimeProvider clock)
{
    private static readonly UserRow Nobody = new();
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<UserRow>().HashPassword(Nobody, UserRules.NewPassword()));

    public async Task<Result<SignedInUser>> HandleAsync(string? tenantText, string? emailText, string? password, CancellationToken ct)
    {
        var tenant = await TenantAsync(tenantText, ct);
        var email = UserRules.Email(emailText);
        var user = tenant is null || !email.IsSuccess ? null : await database.ReadAsync(c => users.FindByEmailAsync(c, tenant.Value, email.Value), ct);
        if (user is null || string.IsNullOrEmpty(password) || password.Length > UserRules.MaxPasswordLength)
        {
            hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password is { Length: <= UserRules.MaxPasswordLength } ? password : "");
            return IdentityErrors.BadSignIn();
        }
        var now = clock.GetUtcNow();
        if (user.LockedUntilMs is { } until && until > now.ToUnixTimeMilliseconds())
            return IdentityErrors.LockedOut(DateTimeOffset.FromUnixTimeMilliseconds(until));
        var caller = user.ToCaller();
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var lockUntil = now.Add(UserRules.LockOut).ToUnixTimeMilliseconds();
            await database.WriteAsync<Unit>(async session =>
            {
                await users.RecordFailureAsync(session, caller.Tenant, user.UserId, UserRules.MaxFailedSignIns, lockUntil);
                return Unit.Value;
            }, ct);
            var after = await database.ReadAsync(c => users.FindAsync(c, caller.Tenant, user.UserId), ct);
            return after?.LockedUntilMs is { } locked && locked > now.ToUnixTimeMilliseconds()
                ? IdentityErrors.LockedOut(DateTimeOffset.FromUnixTimeMilliseconds(locked))
                : IdentityErrors.BadSignIn();
        }
        await database.WriteAsync<Unit>(async session =>
        {
            await users.ResetFailuresAsync(session, caller.Tenant, user.UserId);
            return Unit.Value;
        }, ct);
        return new SignedInUser(user.UserId, user.Email, caller, user.Stamp);
    }

    /// <summary>The user a cookie names, as they are now; null when they are gone or their stamp changed (role, store, password).</summary>
    public async Task<SignedInUser?> CurrentAsync(TenantId tenant, string userId, string stamp, CancellationToken ct)
    {
        var user = await database.ReadAsync(c => users.FindAsync(c, tenant, userId), ct);
        return user is null || user.Stamp != stamp ? null : new SignedInUser(user.UserId, user.Email, user.ToCaller(), user.Stamp);
    }

    private async Task<TenantId?> TenantAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
            return null;
        if (await tenants.FindAsync(new TenantId(text.Trim()), ct) is { } byId)
            return byId.Id;
        var named = await tenants.NamedAsync(text.Trim(), ct);
        return named.Count == 1 ? named[0].Id : null;
    }
}
