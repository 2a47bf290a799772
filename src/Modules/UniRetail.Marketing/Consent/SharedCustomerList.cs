using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Contracts;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Consent;

/// <summary>
/// The customers who granted the <c>sharing</c> purpose, a page at a time in profile-id order: their contact identifiers
/// (e-mails, phones), a name from their traits, and their order figures. Nobody without a granted choice is listed
/// (sharing is opt-in), and an erased person is gone with their profile.
/// </summary>
internal sealed class SharedCustomerList(Database database, ProfileStore profiles, IdentityStore identities) : ISharedCustomers
{
    public async Task<Slice<SharedCustomer>> ListAsync(TenantId tenant, PageQuery page, CancellationToken ct) =>
        await database.ReadAsync(async c =>
        {
            var slice = Slice<string>.Of(await profiles.AllowingAsync(c, tenant, ConsentPurpose.Sharing, page.After, page.RowsToRead), page, id => id);
            var states = (await profiles.LoadAsync(c, tenant, slice.Items)).ToDictionary(s => s.ProfileId, StringComparer.Ordinal);
            var held = (await identities.OfProfilesAsync(c, tenant, slice.Items)).ToLookup(i => i.ProfileId, StringComparer.Ordinal);
            var customers = new List<SharedCustomer>(slice.Items.Count);
            foreach (var id in slice.Items)
            {
                // A person merged or withdrawn between the two reads is left out of this page (the page's position stays).
                if (!states.TryGetValue(id, out var state) || !state.Consent.TryGetValue(ConsentPurpose.Sharing, out var choice) || !choice.Granted)
                    continue;
                string[] Values(string type) => [.. held[id].Where(i => i.IdType == type).Select(i => i.IdValue).Order(StringComparer.Ordinal)];
                customers.Add(new SharedCustomer(
                    id, DateTimeOffset.FromUnixTimeMilliseconds(choice.AtMs), NameOf(state.Traits), Values("email"), Values("phone"), state.OrderCount,
                    [.. state.Revenue.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Money.FromMinor(r.Value, Currency.FromStored(r.Key)))],
                    Instant(state.FirstSeenMs), Instant(state.LastPurchaseMs)));
            }
            return new Slice<SharedCustomer>(customers, slice.NextAfter);
        }, ct);

    /// <summary>The trait <c>name</c>, else first and last name (either spelling), as the person gave them.</summary>
    private static string? NameOf(Dictionary<string, Profiles.TraitValue> traits)
    {
        string? Text(params string[] names) => names.Select(n => traits.TryGetValue(n, out var t) ? ProfileJson.Text(t.Json) : null)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        return Text("name") ?? (string.Join(' ', new[] { Text("firstName", "first_name"), Text("lastName", "last_name") }.OfType<string>()) is { Length: > 0 } full ? full : null);
    }

    private static DateTimeOffset? Instant(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
