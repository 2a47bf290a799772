using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Members.Contracts;
using UniRetail.Store.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.MemberCodes;

/// <summary>
/// A till scans a member code, once: the signature tells a forged code (<c>store.member_code_invalid</c>), the signed expiry
/// an old one (<c>store.member_code_expired</c>), and the conditional update of its row a replayed one
/// (<c>store.member_code_used</c>). The scan that wins records the member's visit in the same transaction.
/// </summary>
internal sealed class ScanMemberCode(
    Database database, MemberCodeStore codes, MemberCodeSigner signer, StoreLocations stores, IMemberDirectory members, ILoyaltyTiers tiers,
    ILoyaltyBenefits loyalty, TimeProvider clock)
{
    public async Task<Result<MemberCodeScanView>> HandleAsync(Caller caller, LocationId store, ScanMemberCodeRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        var now = clock.GetUtcNow();
        var identified = await IdentifyAsync(caller.Tenant, request?.Code, "code", now, ct);
        if (!identified.IsSuccess)
            return identified.Error;
        var (claims, issued, card) = identified.Value;
        var scanned = await database.WriteAsync<MemberCodeScanView>(async session =>
        {
            var visit = await UseAsync(session, caller.Tenant, store, claims, card.Id, now, "code", ct);
            if (!visit.IsSuccess)
                return visit.Error;
            return new MemberCodeScanView(
                card.Id.Value, card.DisplayName, null, claims.Wallet, visit.Value.Points, store.Value, now, issued.Member == card.Id ? null : issued.Member.Value);
        }, ct);
        // The tier once the visit is committed: a member's first visit opens their account, and with it their first tier.
        return scanned.IsSuccess ? scanned.Value with { Tier = await tiers.TierOfAsync(caller.Tenant, card.Id, ct) } : scanned;
    }

    /// <summary>
    /// The winning scan's writes, inside the caller's transaction (a till scan, a sale at the till, a bag started at the
    /// entrance): marks the code used (<c>store.member_code_used</c> at <paramref name="field"/> when another scan won), records
    /// the member's visit (Loyalty's visit bonus, once per store and local day) and publishes the <see cref="MemberVisitedStore"/>
    /// fact the data bank records.
    /// </summary>
    public async Task<Result<VisitPoints>> UseAsync(
        DbSession session, TenantId tenant, LocationId store, MemberCodeClaims claims, MemberId member, DateTimeOffset at, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(claims);
        if (!await codes.TryUseAsync(session, tenant, claims.CodeId, store, at))
            return StoreErrors.MemberCodeUsed(field);
        var visit = await loyalty.RecordVisitAsync(session, tenant, member, store, at, ct);
        if (visit.IsSuccess)
            await session.PublishAsync(new MemberVisitedStore(tenant, member, store, claims.CodeId, at), ct);
        return visit;
    }

    /// <summary>
    /// The member a code names, checked without writing: signature, expiry at <paramref name="at"/> (now, or when an offline
    /// till sold), not used yet (the consuming update decides races), member still there.
    /// </summary>
    public async Task<Result<(MemberCodeClaims Claims, IssuedCode Issued, MemberCard Member)>> IdentifyAsync(
        TenantId tenant, string? code, string field, DateTimeOffset at, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            return StoreErrors.Required(field);
        if (signer.Verify(tenant, code) is not { } claims)
            return StoreErrors.MemberCodeInvalid(field);
        if (at >= claims.ExpiresAt)
            return StoreErrors.MemberCodeExpired(claims.ExpiresAt, field);
        // A signed code without its row was signed by this server but never issued (or forgotten long after expiry): not a code.
        if (await database.ReadAsync(c => codes.FindAsync(c, tenant, claims.CodeId), ct) is not { } issued)
            return StoreErrors.MemberCodeInvalid(field);
        if (issued.UsedAt is not null)
            return StoreErrors.MemberCodeUsed(field);
        if (await members.ResolveAsync(tenant, issued.Member, ct) is not { } card)
            return StoreErrors.MemberGone(field);
        return (claims, issued, card);
    }
}
