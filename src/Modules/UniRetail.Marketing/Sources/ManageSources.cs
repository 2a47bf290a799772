using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Sources;

internal sealed record CreateSourceRequest(string? Kind, string? Name, string? StoreId);

/// <summary>A source as listed: never its write key.</summary>
internal sealed record SourceView(string SourceId, string Kind, string Name, string? StoreId, string WriteKeyId, DateTimeOffset CreatedAt)
{
    public static SourceView From(SourceRow row) =>
        new(row.SourceId, row.Kind, row.Name, row.LocationId, row.WriteKeyId, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));
}

/// <summary>A new source: the write key is in this response only.</summary>
internal sealed record SourceCreated(string SourceId, string Kind, string Name, string? StoreId, string WriteKey);

/// <summary>Creates and lists a tenant's event sources (web, app, store, pos, social, content, ads). Admins only.</summary>
internal sealed class ManageSources(Database database, SourceStore sources, ITenantDirectory tenants, ILocationDirectory locations, TimeProvider clock)
{
    public async Task<Result<SourceCreated>> CreateAsync(Caller caller, CreateSourceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.Role != Role.Admin)
            return MarketingErrors.AdminOnly();
        var kind = SourceKinds.Parse(request.Kind);
        if (!kind.IsSuccess)
            return kind.Error!;
        if (await tenants.FindAsync(caller.Tenant, ct) is null)
            return MarketingErrors.UnknownTenant(caller.Tenant.Value);
        string? store = null;
        if (!string.IsNullOrWhiteSpace(request.StoreId))
        {
            if (!SourceKinds.AtAStore(kind.Value))
                return MarketingErrors.StoreOnlyForStoreSources();
            var location = await locations.FindAsync(caller.Tenant, new LocationId(request.StoreId.Trim()), ct);
            if (location is null || location.Kind == LocationKind.Warehouse)
                return MarketingErrors.UnknownStore(request.StoreId);
            store = location.Id.Value;
        }
        var key = WriteKey.New();
        var row = new SourceRow
        {
            TenantId = caller.Tenant.Value,
            SourceId = NewId.With("src"),
            Kind = SourceKinds.ToName(kind.Value),
            Name = string.IsNullOrWhiteSpace(request.Name) ? $"{SourceKinds.ToName(kind.Value)} source" : request.Name.Trim(),
            LocationId = store,
            WriteKeyId = key.KeyId,
            WriteKeyHash = key.SecretHash,
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        return await database.WriteAsync<SourceCreated>(async session =>
        {
            await sources.InsertAsync(session, row);
            return new SourceCreated(row.SourceId, row.Kind, row.Name, row.LocationId, key.Token);
        }, ct);
    }

    public async Task<Result<IReadOnlyList<SourceView>>> ListAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != Role.Admin)
            return MarketingErrors.AdminOnly();
        var rows = await database.ReadAsync(c => sources.ListAsync(c, caller.Tenant.Value), ct);
        return rows.Select(SourceView.From).ToList();
    }
}
