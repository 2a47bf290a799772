using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Members.Contracts;
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
        var identified = await IdentifyAsync(caller.Tenant, request?.Code, "code", ct);
        if (!identified.IsSuccess)
            return identified.Error;
        var (claims, issued, card) = identified.Value;
        var now = clock.GetUtcNow();
        var scanned = await database.WriteAsync<MemberCodeScanView>(async session =>
        {
            var visit = await UseAsync(session, caller.Tenant, store, claims, card, now, "code", ct);
            if (!visit.IsSuccess)
                return visit.Error;
            return new MemberCodeScanView(
                card.Id.Value, card.DisplayName, null, claims.Wallet, visit.Value.Points, store.Value, now, issued.Member == card.Id ? null : issued.Member.Value);
        }, ct);
        // The tier once the visit is committed: a member's first visit opens their account, and with it their first tier.
        return scanned.IsSuccess ? scanned.Value with { Tier = await tiers.TierOfAsync(caller.Tenant, card.Id, ct) } : scanned;
    }

    /// <summary>
    /// The winning scan's writes, inside the caller's transaction (a till scan, a bag started at the entrance): marks the code
    /// used (<c>store.member_code_used</c> at <paramref name="field"/> when another scan won) and records the member's visit.
    /// </summary>
    public async Task<Result<VisitPoints>> UseAsync(
        DbSession session, TenantId tenant, LocationId store, MemberCodeClaims claims, MemberCard card, DateTimeOffset now, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(card);
        if (!await codes.TryUseAsync(session, tenant, claims.CodeId, store, now))
            return StoreErrors.MemberCodeUsed(field);
        return await loyalty.RecordVisitAsync(session, tenant, card.Id, store, now, ct);
    }

    /// <summary>The member a code names, checked without writing: signature, expiry, not used yet (the scan's update decides races), member still there.</summary>
    public async Task<Result<(MemberCodeClaims Claims, IssuedCode Issued, MemberCard Member)>> IdentifyAsync(TenantId tenant, string? code, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            return StoreErrors.Required(field);
        if (signer.Verify(tenant, code) is not { } claims)
            return StoreErrors.MemberCodeInvalid(field);
        if (clock.GetUtcNow() >= claims.ExpiresAt)
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
