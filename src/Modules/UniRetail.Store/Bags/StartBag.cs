using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Store.Complements;
using UniRetail.Store.Domain;
using UniRetail.Store.MemberCodes;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Bags;

internal sealed record BagStarted(BagView Bag, bool Replayed);

/// <summary>
/// Starts a bag at a store: by the member code scanned at the entrance (verified and used once, in the same transaction that
/// records the member's visit the way a till scan does, and starts the bag) or from the member's app by <c>memberId</c>.
/// Store staff start bags only at their store and only by code. An <c>Idempotency-Key</c> makes a retried start answer the
/// first bag. The first bag of a tenant starts keeping its complements.
/// </summary>
internal sealed class StartBag(
    Database database, BagStore bags, StoreLocations stores, ScanMemberCode codes, IMemberDirectory members, ComplementLearner learner,
    BagPricing pricing, TimeProvider clock)
{
    public async Task<Result<BagStarted>> HandleAsync(Caller caller, StartBagRequest? request, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (key is not null && !BagAccess.IsKey(key))
            return BagErrors.BadKey();
        if (string.IsNullOrWhiteSpace(request?.StoreId))
            return StoreErrors.Required("storeId");
        var store = new LocationId(request.StoreId);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        var byCode = !string.IsNullOrWhiteSpace(request.MemberCode);
        if (byCode == !string.IsNullOrWhiteSpace(request.MemberId))
            return BagErrors.NeedsOneMember(byCode ? "memberId" : "memberCode");
        if (!byCode && caller.Role == Role.StoreStaff)
            return BagErrors.MemberCodeRequired("memberId");
        if (key is not null && await ReplayAsync(caller.Tenant, key, store, ct) is { } replayed)
            return replayed;

        var now = clock.GetUtcNow();
        Result<BagRecord> written;
        if (byCode)
        {
            var identified = await codes.IdentifyAsync(caller.Tenant, request.MemberCode, "memberCode", now, ct);
            if (!identified.IsSuccess)
                return identified.Error;
            var (claims, _, card) = identified.Value;
            written = await database.WriteAsync<BagRecord>(async session =>
            {
                var used = await codes.UseAsync(session, caller.Tenant, store, claims, card.Id, now, "memberCode", ct);
                return used.IsSuccess ? await InsertAsync(session, caller.Tenant, NewBag(store, card.Id, BagRules.ByMemberCode, key, now)) : used.Error;
            }, ct);
        }
        else
        {
            if (await members.ResolveAsync(caller.Tenant, new MemberId(request.MemberId!), ct) is not { } card)
                return StoreErrors.UnknownMember(request.MemberId!, "memberId");
            written = await database.WriteAsync(session => InsertAsync(session, caller.Tenant, NewBag(store, card.Id, BagRules.ByApp, key, now)), ct);
        }
        if (written.IsSuccess)
            return new BagStarted(BagPricing.View(written.Value, [], null, now), Replayed: false);
        // Two starts with one key at once: the one that lost finds the winner's bag.
        if (key is not null && written.Error.Code == BagErrors.KeyReused().Code && await ReplayAsync(caller.Tenant, key, store, ct) is { } raced)
            return raced;
        return written.Error;
    }

    private static BagRecord NewBag(LocationId store, MemberId member, string startedBy, string? key, DateTimeOffset now) =>
        new(NewId.With("bag"), store, member, startedBy, key, BagRules.Open, 1, now, now + BagRules.Lifetime, null, null);

    private async Task<Result<BagRecord>> InsertAsync(DbSession session, TenantId tenant, BagRecord bag)
    {
        if (!await bags.TryInsertAsync(session, tenant, bag))
            return BagErrors.KeyReused();
        await learner.EnsureKeptAsync(session, tenant);
        return bag;
    }

    /// <summary>The bag a key started, when it started one: that bag at this store, or <c>store.idempotency_key_reused</c>.</summary>
    private async Task<Result<BagStarted>?> ReplayAsync(TenantId tenant, string key, LocationId store, CancellationToken ct)
    {
        var (bag, lines) = await database.ReadAsync(async c =>
        {
            var found = await bags.FindByStartKeyAsync(c, tenant, key);
            return (found, found is null ? Array.Empty<BagLineRecord>() : await bags.LinesAsync(c, tenant, found.BagId));
        }, ct);
        if (bag is null)
            return null;
        if (bag.Store != store)
            return BagErrors.KeyReused();
        var now = clock.GetUtcNow();
        return new BagStarted(BagPricing.View(bag, lines, await pricing.PriceAsync(tenant, bag, lines, now, ct), now), Replayed: true);
    }
}
