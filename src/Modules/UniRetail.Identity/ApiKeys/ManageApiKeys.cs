using System.Globalization;
using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Identity.Persistence;
using UniRetail.Kernel;

namespace UniRetail.Identity.ApiKeys;

internal sealed record CreateApiKeyRequest(string? Name, string? Role, string? StoreId);

/// <summary>An API key as listed: never its secret.</summary>
internal sealed record ApiKeyView(string KeyId, string Name, string Role, string? StoreId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKeyRow row) => new(
        row.KeyId, row.Name, row.Role, row.StoreId, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs),
        row.RevokedAtMs is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null);
}

/// <summary>A new key: the token is in this response only.</summary>
internal sealed record ApiKeyCreated(string KeyId, string Name, string Role, string? StoreId, string Token);

/// <summary>Creates, lists and revokes a tenant's API keys. Admins only.</summary>
internal sealed class ManageApiKeys(Database database, ApiKeyStore keys, ILocationDirectory locations, Invalidations invalidations, TimeProvider clock)
{
    public async Task<Result<ApiKeyCreated>> CreateAsync(Caller caller, CreateApiKeyRequest request, CancellationToken ct)
    {
        var role = Roles.Parse(request.Role);
        if (!role.IsSuccess)
            return role.Error;
        LocationId? store = null;
        if (role.Value == Role.StoreStaff)
        {
            if (string.IsNullOrWhiteSpace(request.StoreId))
                return IdentityErrors.StoreRequiredForStaff();
            var location = await locations.FindAsync(caller.Tenant, new LocationId(request.StoreId), ct);
            if (location is null)
                return IdentityErrors.UnknownLocation(request.StoreId, "storeId");
            if (location.Kind == LocationKind.Warehouse)
                return IdentityErrors.NotAStore(request.StoreId);
            store = location.Id;
        }
        var name = string.IsNullOrWhiteSpace(request.Name) ? Roles.ToName(role.Value) : request.Name.Trim();
        var token = ApiKeyToken.New();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<ApiKeyCreated>(async session =>
        {
            await keys.InsertAsync(session, caller.Tenant, token, name, role.Value, store, now);
            return new ApiKeyCreated(token.KeyId, name, Roles.ToName(role.Value), store?.Value, token.Token);
        }, ct);
    }

    /// <summary>The tenant's keys, oldest first.</summary>
    public async Task<Slice<ApiKeyView>> ListAsync(Caller caller, PageQuery page, CancellationToken ct)
    {
        var rows = await database.ReadAsync(c => keys.ListAsync(c, caller.Tenant), ct);
        return Slice<ApiKeyRow>.From(rows.OrderBy(r => r.CreatedAtMs).ThenBy(r => r.KeyId, StringComparer.Ordinal), page,
            r => string.Create(CultureInfo.InvariantCulture, $"{r.CreatedAtMs:D15}:{r.KeyId}")).Map(ApiKeyView.From);
    }

    public async Task<Result<Unit>> RevokeAsync(Caller caller, string keyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<Unit>(async session =>
        {
            if (!await keys.RevokeAsync(session, caller.Tenant, keyId, now))
                return IdentityErrors.UnknownKey(keyId);
            await invalidations.PublishAsync(session, caller.Tenant, ApiKeyCache.InvalidationTopic, keyId, now);
            return Unit.Value;
        }, ct);
    }
}
