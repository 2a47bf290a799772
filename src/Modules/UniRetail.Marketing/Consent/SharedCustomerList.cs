using Dapper;
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
            var granted = (await c.QueryAsync<(string ProfileId, long AtMs)>(
                """
                SELECT s.profile_id, s.at_ms FROM marketing_consent s
                JOIN marketing_profile p ON p.tenant_id = s.tenant_id AND p.profile_id = s.profile_id AND p.merged_into IS NULL
                WHERE s.tenant_id = @TenantId AND s.purpose = @Purpose AND s.state = 'granted' AND s.profile_id > @After
                ORDER BY s.profile_id LIMIT @Limit
                """, new { TenantId = tenant.Value, Purpose = ConsentPurposes.ToName(ConsentPurpose.Sharing), After = page.After ?? "", Limit = page.RowsToRead })).ToList();
            var ids = granted.Select(g => g.ProfileId).ToList();
            var states = (await profiles.LoadAsync(c, tenant, ids)).ToDictionary(s => s.ProfileId, StringComparer.Ordinal);
            var held = (await identities.OfProfilesAsync(c, tenant, ids)).ToLookup(i => i.ProfileId, StringComparer.Ordinal);
            var customers = granted.Where(g => states.ContainsKey(g.ProfileId)).Select(g =>
            {
                var state = states[g.ProfileId];
                string[] Values(string type) => [.. held[g.ProfileId].Where(i => i.IdType == type).Select(i => i.IdValue).Order(StringComparer.Ordinal)];
                return new SharedCustomer(
                    g.ProfileId, DateTimeOffset.FromUnixTimeMilliseconds(g.AtMs), NameOf(state.Traits), Values("email"), Values("phone"), state.OrderCount,
                    [.. state.Revenue.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Money.FromMinor(r.Value, Currency.FromStored(r.Key)))],
                    Instant(state.FirstSeenMs), Instant(state.LastPurchaseMs));
            }).ToList();
            return Slice<SharedCustomer>.Of(customers, page, s => s.ProfileId);
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
