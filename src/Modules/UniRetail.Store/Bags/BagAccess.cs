using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Bags;

/// <summary>
/// The bag a request names, as far as the caller reaches: store staff only bags at their store (<c>identity.other_store</c>);
/// the member's app (an integration key) names the member it acts for (<c>memberId</c>) and reaches only that member's bags —
/// another member's bag answers as if it did not exist (<c>store.unknown_bag</c>); an admin reaches every bag of the tenant.
/// </summary>
internal sealed class BagAccess(Database database, BagStore bags, IMemberDirectory members)
{
    public const int MaxIdLength = 64;

    public static bool IsKey(string? key) => key is { Length: > 0 and <= BagRules.MaxKeyLength } && !key.Any(char.IsControl);

    public async Task<Result<BagRecord>> FindAsync(Caller caller, string? bagId, string? memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(bagId) || bagId.Length > MaxIdLength)
            return BagErrors.UnknownBag(bagId, "bagId");
        var bag = await database.ReadAsync(c => bags.FindAsync(c, caller.Tenant, bagId), ct);
        if (bag is null)
            return BagErrors.UnknownBag(bagId, "bagId");
        var at = caller.EnsureCanActAt(bag.Store, "bagId");
        if (!at.IsSuccess)
            return at.Error;
        if (string.IsNullOrWhiteSpace(memberId))
            return caller.Role == Role.Integration ? StoreErrors.Required("memberId") : bag;
        var acting = await members.ResolveAsync(caller.Tenant, new MemberId(memberId), ct);
        if (acting is null)
            return BagErrors.UnknownBag(bagId, "bagId");
        // The bag keeps the member it was started for; a merge since then leaves it with the member they became.
        var owner = bag.Member == acting.Id ? acting.Id : (await members.ResolveAsync(caller.Tenant, bag.Member, ct))?.Id;
        return owner == acting.Id ? bag : BagErrors.UnknownBag(bagId, "bagId");
    }

    /// <summary>Why a bag that was found takes no more changes: checked out, or expired.</summary>
    public async Task<Error> WhyClosedAsync(DbSession session, TenantId tenant, string bagId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var bag = await bags.FindAsync(session.Connection, tenant, bagId, session.Transaction);
        return bag is not null && bag.Status == BagRules.CheckedOut ? BagErrors.CheckedOut("bagId") : BagErrors.Expired(bag?.ExpiresAt ?? now, "bagId");
    }
}
