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

/// <summary>The source an import writes through: found by its kind and name, or created by this call.</summary>
internal sealed record SourceEnsured(SourceView Source, EventOrigin Origin, bool Created);

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
            return kind.Error;
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
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{SourceKinds.ToName(kind.Value)} source" : request.Name.Trim();
        var (row, key) = NewRow(caller.Tenant, kind.Value, name, store);
        return await database.WriteAsync<SourceCreated>(async session =>
        {
            await sources.InsertAsync(session, row);
            return new SourceCreated(row.SourceId, row.Kind, row.Name, row.LocationId, key.Token);
        }, ct);
    }

    /// <summary>
    /// The tenant's source of <paramref name="kind"/> named <paramref name="name"/>, created when it has none, so that a
    /// repeated import writes through the same source and its message ids dedupe. A created source's write key is not
    /// handed out: the import writes as a trusted origin.
    /// </summary>
    public async Task<Result<SourceEnsured>> EnsureAsync(Caller caller, SourceKind kind, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (caller.Role != Role.Admin)
            return MarketingErrors.AdminOnly();
        if (await tenants.FindAsync(caller.Tenant, ct) is null)
            return MarketingErrors.UnknownTenant(caller.Tenant.Value);
        var (fresh, _) = NewRow(caller.Tenant, kind, name.Trim(), null);
        // Looked up inside the write: on SQLite the single writer serialises two imports; on PostgreSQL two imports of one
        // tenant started at the same instant could each create one (the data set then lands in the older one next time).
        return await database.WriteAsync<SourceEnsured>(async session =>
        {
            var existing = await sources.FindByNameAsync(session, caller.Tenant, fresh.Kind, fresh.Name);
            if (existing is null)
                await sources.InsertAsync(session, fresh);
            var row = existing ?? fresh;
            return new SourceEnsured(SourceView.From(row), row.ToOrigin(), existing is null);
        }, ct);
    }

    private (SourceRow Row, WriteKey Key) NewRow(TenantId tenant, SourceKind kind, string name, string? store)
    {
        var key = WriteKey.New();
        var row = new SourceRow
        {
            TenantId = tenant.Value,
            SourceId = NewId.With("src"),
            Kind = SourceKinds.ToName(kind),
            Name = name,
            LocationId = store,
            WriteKeyId = key.KeyId,
            WriteKeyHash = key.SecretHash,
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        return (row, key);
    }

    public async Task<Result<IReadOnlyList<SourceView>>> ListAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != Role.Admin)
            return MarketingErrors.AdminOnly();
        var rows = await database.ReadAsync(c => sources.ListAsync(c, caller.Tenant), ct);
        return rows.Select(SourceView.From).ToList();
    }
}
