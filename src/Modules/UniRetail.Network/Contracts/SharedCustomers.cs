using UniRetail.Kernel;

namespace UniRetail.Network.Contracts;

/// <summary>
/// A customer of a tenant who consented to their data being shared with the tenant's partners (consent purpose
/// <c>sharing</c>): how to reach them, and what they bought, as the tenant's data bank knows it.
/// </summary>
public sealed record SharedCustomer(
    string ProfileId, DateTimeOffset SharedSince, string? Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    long Orders, IReadOnlyList<Money> Revenue, DateTimeOffset? FirstSeen, DateTimeOffset? LastPurchase);

/// <summary>
/// The customers of a shop who allowed sharing, for its platform (the agreement says whether the shop shares them).
/// The data bank answers it; without one, nobody has consented to anything and the list is empty.
/// </summary>
public interface ISharedCustomers
{
    /// <summary>
    /// A page of the customers of <paramref name="tenant"/> with a granted <c>sharing</c> consent, in profile-id order
    /// (the page's position is the last profile id); the caller has decided that it may ask.
    /// </summary>
    Task<Slice<SharedCustomer>> ListAsync(TenantId tenant, PageQuery page, CancellationToken ct);
}

/// <summary>No data bank: nobody has consented to sharing.</summary>
internal sealed class NoSharedCustomers : ISharedCustomers
{
    public Task<Slice<SharedCustomer>> ListAsync(TenantId tenant, PageQuery page, CancellationToken ct) =>
        Task.FromResult(new Slice<SharedCustomer>([], null));
}
