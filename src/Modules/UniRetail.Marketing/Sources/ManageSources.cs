using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Sources;

internal sealed record CreateSourceRequest(string? Kind, string? Name, string? StoreId);

/// <summary>A rotation: the new key works at once; the source's other live keys keep working for <c>overlapMinutes</c> (default a day) and then stop.</summary>
internal sealed record RotateWriteKeyRequest(int? OverlapMinutes);

/// <summary>A write key as listed: its id and life, never its secret.</summary>
internal sealed record WriteKeyView(string KeyId, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Live)
{
    public static WriteKeyView From(WriteKeyRow row, long nowMs) => new(
        row.KeyId, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs),
        row.ExpiresAtMs is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires) : null,
        row.RevokedAtMs is { } revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null, row.IsLiveAt(nowMs));
}

/// <summary>A source as listed, with its keys (never their secrets).</summary>
internal sealed record SourceView(string SourceId, string Kind, string Name, string? StoreId, DateTimeOffset CreatedAt, IReadOnlyList<WriteKeyView> WriteKeys)
{
    public static SourceView From(SourceRow row, IEnumerable<WriteKeyView> keys) =>
        new(row.SourceId, row.Kind, row.Name, row.LocationId, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs), keys.ToList());
}

/// <summary>A new source: the write key is in this response only.</summary>
internal sealed record SourceCreated(string SourceId, string Kind, string Name, string? StoreId, string WriteKeyId, string WriteKey);

/// <summary>A new write key: the token is in this response only; the keys it replaces and when they stop.</summary>
internal sealed record WriteKeyRotated(string SourceId, string WriteKeyId, string WriteKey, IReadOnlyList<WriteKeyView> Replaced);

/// <summary>The source an import writes through: found by its kind and name, or created by this call.</summary>
internal sealed record SourceEnsured(SourceView Source, EventOrigin Origin, bool Created);

/// <summary>Creates and lists a tenant's event sources (web, app, store, pos, social, content, ads), and rotates and revokes their write keys.</summary>
internal sealed class ManageSources(
    Database database, SourceStore sources, ITenantDirectory tenants, ILocationDirectory locations, Invalidations invalidations, TimeProvider clock)
{
    /// <summary>The longest a replaced key keeps working after a rotation: thirty days.</summary>
    public const int MaxOverlapMinutes = 30 * 24 * 60;

    public const int DefaultOverlapMinutes = 24 * 60;

    public async Task<Result<SourceCreated>> CreateAsync(Caller caller, CreateSourceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
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
        if (name.Length > 200 || name.Any(char.IsControl))
            return MarketingErrors.BadSourceName();
        var row = NewRow(caller.Tenant, kind.Value, name, store);
        var key = WriteKey.New();
        return await database.WriteAsync<SourceCreated>(async session =>
        {
            await sources.InsertAsync(session, row);
            await sources.InsertKeyAsync(session, caller.Tenant, row.SourceId, key, row.CreatedAtMs);
            return new SourceCreated(row.SourceId, row.Kind, row.Name, row.LocationId, key.KeyId, key.Token);
        }, ct);
    }

    /// <summary>
    /// The tenant's source of <paramref name="kind"/> named <paramref name="name"/>, created when it has none, so that a
    /// repeated import writes through the same source and its message ids dedupe. It gets no write key: the import writes
    /// as a trusted origin.
    /// </summary>
    public async Task<Result<SourceEnsured>> EnsureAsync(Caller caller, SourceKind kind, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (await tenants.FindAsync(caller.Tenant, ct) is null)
            return MarketingErrors.UnknownTenant(caller.Tenant.Value);
        var fresh = NewRow(caller.Tenant, kind, name.Trim(), null);
        // Looked up inside the write: on SQLite the single writer serialises two imports; on PostgreSQL two imports of one
        // tenant started at the same instant could each create one (the data set then lands in the older one next time).
        return await database.WriteAsync<SourceEnsured>(async session =>
        {
            var existing = await sources.FindByNameAsync(session, caller.Tenant, fresh.Kind, fresh.Name);
            if (existing is null)
                await sources.InsertAsync(session, fresh);
            var row = existing ?? fresh;
            return new SourceEnsured(SourceView.From(row, []), row.ToOrigin(), existing is null);
        }, ct);
    }

    /// <summary>The tenant's sources with their keys.</summary>
    public async Task<Slice<SourceView>> ListAsync(Caller caller, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.ReadAsync(async c =>
        {
            var shown = Slice<SourceRow>.Of(await sources.ListAsync(c, caller.Tenant, page), page, r => r.SourceId);
            var keys = (await sources.KeysAsync(c, caller.Tenant, shown.Items.Select(r => r.SourceId).ToList())).ToLookup(k => k.SourceId);
            return shown.Map(r => SourceView.From(r, keys[r.SourceId].Select(k => WriteKeyView.From(k, now))));
        }, ct);
    }

    /// <summary>
    /// Issues a new write key for the source; its other live keys keep working until the overlap ends, so every client can
    /// switch over, and then stop. An overlap of 0 ends them at once.
    /// </summary>
    public async Task<Result<WriteKeyRotated>> RotateKeyAsync(Caller caller, string sourceId, RotateWriteKeyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var overlap = request.OverlapMinutes ?? DefaultOverlapMinutes;
        if (overlap is < 0 or > MaxOverlapMinutes)
            return MarketingErrors.BadOverlap(MaxOverlapMinutes);
        var key = WriteKey.New();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<WriteKeyRotated>(async session =>
        {
            if (await sources.FindAsync(session.Connection, caller.Tenant, sourceId, session.Transaction) is null)
                return MarketingErrors.UnknownSource(sourceId);
            var replaced = await sources.ExpireLiveKeysAsync(session, caller.Tenant, sourceId, now + overlap * 60_000L);
            await sources.InsertKeyAsync(session, caller.Tenant, sourceId, key, now);
            foreach (var old in replaced)
                await invalidations.PublishAsync(session, caller.Tenant, WriteKeyDirectory.InvalidationTopic, old, now);
            var views = (await sources.KeysAsync(session.Connection, caller.Tenant, [sourceId], session.Transaction))
                .Where(k => replaced.Contains(k.KeyId)).Select(k => WriteKeyView.From(k, now)).ToList();
            return new WriteKeyRotated(sourceId, key.KeyId, key.Token, views);
        }, ct);
    }

    /// <summary>Revokes one write key now, on every server: its events are refused from the next request.</summary>
    public async Task<Result<Unit>> RevokeKeyAsync(Caller caller, string sourceId, string keyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<Unit>(async session =>
        {
            if (!await sources.RevokeKeyAsync(session, caller.Tenant, sourceId, keyId, now))
                return MarketingErrors.UnknownWriteKey(keyId);
            await invalidations.PublishAsync(session, caller.Tenant, WriteKeyDirectory.InvalidationTopic, keyId, now);
            return Unit.Value;
        }, ct);
    }

    private SourceRow NewRow(TenantId tenant, SourceKind kind, string name, string? store) => new()
    {
        TenantId = tenant.Value,
        SourceId = NewId.With("src"),
        Kind = SourceKinds.ToName(kind),
        Name = name,
        LocationId = store,
        CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
    };
}
