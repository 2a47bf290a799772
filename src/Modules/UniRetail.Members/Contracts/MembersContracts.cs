using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Members.Contracts;

/// <summary>Kinds of identifier that name one member across channels.</summary>
public enum IdentifierKind
{
    /// <summary>The online shop's account id.</summary>
    Account,
    /// <summary>A phone number, E.164.</summary>
    Phone,
    /// <summary>An e-mail address, lower-cased.</summary>
    Email,
    /// <summary>A loyalty card number.</summary>
    LoyaltyCard,
    /// <summary>An id in another system (marketplace buyer id, CRM id), written <c>system:id</c>.</summary>
    External,
}

/// <summary>Finds members for other modules.</summary>
public interface IMemberDirectory
{
    /// <summary>True when the member exists (and has not been merged away) in the tenant.</summary>
    Task<bool> ExistsAsync(TenantId tenant, MemberId member, CancellationToken ct);

    /// <summary>The member holding an identifier, or null.</summary>
    Task<MemberId?> FindByIdentifierAsync(TenantId tenant, IdentifierKind kind, string value, CancellationToken ct);

    /// <summary>
    /// The active member an id names now (itself, or the member it was merged into) with their display name; null when the
    /// id is unknown in the tenant or the member was erased.
    /// </summary>
    Task<MemberCard?> ResolveAsync(TenantId tenant, MemberId member, CancellationToken ct);
}

/// <summary>An active member as other modules show them (a till screen, a receipt).</summary>
public sealed record MemberCard(MemberId Id, string? DisplayName);

/// <summary>
/// Forgets members for a data-bank erasure, inside the caller's write: their identifiers are deleted, their names
/// cleared, the identifier lists in their merge records emptied, and they (and any member merged into them) become
/// <c>erased</c>. Member ids stay, as the pseudonyms orders and ledgers keep. Returns how many members were erased.
/// </summary>
public interface IMemberErasure
{
    Task<int> EraseAsync(DbSession session, TenantId tenant, IReadOnlyCollection<MemberId> members, CancellationToken ct);
}

/// <summary>
/// Published inside the merge transaction: <paramref name="Source"/> was merged into <paramref name="Target"/>; modules
/// holding rows of the source member (orders, points) move them to the target.
/// </summary>
public sealed record MembersMerged(TenantId Tenant, MemberId Source, MemberId Target) : IDomainEvent;

/// <summary>An identifier of a new member, in its canonical form.</summary>
public sealed record RegisteredIdentifier(IdentifierKind Kind, string Value);

/// <summary>
/// Published inside the registration transaction once a member is written: who they are and the identifiers they
/// registered with, so other modules (the data bank) know the member from their first day, before any order or event.
/// </summary>
public sealed record MemberRegistered(TenantId Tenant, MemberId Member, string? DisplayName, IReadOnlyList<RegisteredIdentifier> Identifiers, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// Published inside the erasure transaction (<see cref="IMemberErasure"/>) with every member id it erased, merged
/// members included: modules delete what is personal about them and keep their totals under the id, now a pseudonym.
/// </summary>
public sealed record MembersErased(TenantId Tenant, IReadOnlyList<MemberId> Members) : IDomainEvent;
