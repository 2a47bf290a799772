using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.Stitching;

internal sealed record IdentityRuleView(string Type, bool MayMerge, int MaxPerProfile, int Priority);

/// <summary>
/// A tenant's identity rules (every type, defaults filled in), its own blocked values, the built-in junk list, and the
/// identifiers it declares shared (a store's own tablets).
/// </summary>
internal sealed record IdentityRulesView(
    IReadOnlyList<IdentityRuleView> Rules, IReadOnlyList<string> BlockedValues, IReadOnlyList<string> BuiltInBlockedValues, IReadOnlyList<IdentifierLink> SharedIdentifiers);

/// <summary>
/// Replaces the rules: types not listed go back to their defaults; <c>blockedValues</c> replaces the tenant's list;
/// <c>sharedIdentifiers</c>, when given, replaces the identifiers the tenant declares shared (left out, they stay).
/// </summary>
internal sealed record IdentityRulesRequest(IReadOnlyList<IdentityRuleView>? Rules, IReadOnlyList<string>? BlockedValues, IReadOnlyList<IdentifierLink>? SharedIdentifiers = null);

/// <summary>
/// Reads and sets how identity resolution stitches this tenant's profiles. New rules apply to events projected from now
/// on; profiles already stitched stay as they are (a merge or join made under the old rules can be undone).
/// </summary>
internal sealed class ManageIdentityRules(Database database, IdentityStore identities, SharedIdentifierStore shared)
{
    public async Task<Result<IdentityRulesView>> GetAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var tenant = caller.Tenant;
        return await database.ReadAsync(async c => View(await identities.RulesAsync(c, tenant), await shared.DeclaredAsync(c, tenant)), ct);
    }

    /// <summary>The most junk values a tenant blocks on top of the built-in list.</summary>
    public const int MaxBlockedValues = 10_000;

    /// <summary>The most identifiers a tenant declares shared.</summary>
    public const int MaxSharedIdentifiers = 10_000;

    public async Task<Result<IdentityRulesView>> SetAsync(Caller caller, IdentityRulesRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var rules = new List<IdentityRule>();
        var index = 0;
        foreach (var rule in request.Rules ?? [])
        {
            var field = $"rules[{index++}]";
            if (!IdentifierTypes.TryParse(rule.Type, out var type))
                return MarketingErrors.BadIdentifierType(rule.Type, $"{field}.type");
            if (rules.Exists(r => r.Type == type))
                return MarketingErrors.BadRule($"'{rule.Type}' is listed twice.", $"{field}.type");
            if (rule.MaxPerProfile is < 1 or > IdentityRules.MaxLimit)
                return MarketingErrors.BadRule($"'maxPerProfile' must be between 1 and {IdentityRules.MaxLimit}.", $"{field}.maxPerProfile");
            if (rule.Priority is < 1 or > 100)
                return MarketingErrors.BadRule("'priority' must be between 1 (strongest) and 100.", $"{field}.priority");
            rules.Add(new IdentityRule(type, rule.MayMerge, rule.MaxPerProfile, rule.Priority));
        }
        if (request.BlockedValues?.Count > MaxBlockedValues)
            return MarketingErrors.BadRule($"A tenant blocks at most {MaxBlockedValues:N0} values.", "blockedValues");
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (request.BlockedValues?.Count ?? 0); i++)
        {
            var value = request.BlockedValues![i];
            if (string.IsNullOrWhiteSpace(value) || value.Length > 255 || value.Any(char.IsControl))
                return MarketingErrors.BadRule("A blocked value is 1 to 255 characters, without control characters.", $"blockedValues[{i}]");
            // Compared after normalisation: an e-mail as lower case, anything else trimmed.
            blocked.Add(value.Contains('@', StringComparison.Ordinal) ? value.Trim().ToLowerInvariant() : value.Trim());
        }
        var declared = DeclaredShared(request.SharedIdentifiers);
        if (!declared.IsSuccess)
            return declared.Error;
        var tenant = caller.Tenant;
        return await database.WriteAsync(async session =>
        {
            await identities.SaveRulesAsync(session, tenant, rules, blocked);
            if (declared.Value is { } sharedNow)
                await shared.SaveDeclaredAsync(session, tenant, sharedNow);
            return Result<IdentityRulesView>.Success(View(new IdentityRules(rules, blocked), declared.Value ?? await shared.DeclaredAsync(session.Connection, tenant)));
        }, ct);
    }

    /// <summary>Only identifiers several people may use can be declared shared: a device, a cookie, an e-mail, a phone, a payment account.</summary>
    private static Result<IReadOnlyCollection<Identifier>?> DeclaredShared(IReadOnlyList<IdentifierLink>? requested)
    {
        if (requested is null)
            return Result<IReadOnlyCollection<Identifier>?>.Success(null);
        if (requested.Count > MaxSharedIdentifiers)
            return MarketingErrors.BadRule($"A tenant declares at most {MaxSharedIdentifiers:N0} shared identifiers.", "sharedIdentifiers");
        var declared = new HashSet<Identifier>();
        for (var i = 0; i < requested.Count; i++)
        {
            var field = $"sharedIdentifiers[{i}]";
            if (!IdentifierTypes.TryParse(requested[i]?.Type, out var type))
                return MarketingErrors.BadIdentifierType(requested[i]?.Type, $"{field}.type");
            if (IdentifierTypes.IsPersonal(type))
                return MarketingErrors.BadRule($"'{IdentifierTypes.ToName(type)}' is one person's own and cannot be declared shared.", $"{field}.type");
            if (IdentifierNormaliser.Normalise(type, requested[i].Value, new HashSet<string>()) is not { } identifier)
                return MarketingErrors.BadIdentifier(IdentifierTypes.ToName(type), $"{field}.value");
            declared.Add(identifier);
        }
        return declared;
    }

    private static IdentityRulesView View(IdentityRules rules, IReadOnlyCollection<Identifier> declared) => new(
        rules.All.Select(r => new IdentityRuleView(IdentifierTypes.ToName(r.Type), r.MayMerge, r.MaxPerProfile, r.Priority)).ToList(),
        rules.Blocked.Order(StringComparer.Ordinal).ToList(),
        IdentifierNormaliser.BuiltInBlocked.Order(StringComparer.Ordinal).ToList(),
        declared.OrderBy(d => d.TypeName, StringComparer.Ordinal).ThenBy(d => d.Value, StringComparer.Ordinal).Select(d => new IdentifierLink(d.TypeName, d.Value)).ToList());
}
