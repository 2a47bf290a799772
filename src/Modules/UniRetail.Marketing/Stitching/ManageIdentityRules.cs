using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Stitching;

internal sealed record IdentityRuleView(string Type, bool MayMerge, int MaxPerProfile, int Priority);

/// <summary>A tenant's identity rules (every type, defaults filled in) and its own blocked values.</summary>
internal sealed record IdentityRulesView(IReadOnlyList<IdentityRuleView> Rules, IReadOnlyList<string> BlockedValues, IReadOnlyList<string> BuiltInBlockedValues);

/// <summary>Replaces the rules: types not listed go back to their defaults; <c>blockedValues</c> replaces the tenant's list.</summary>
internal sealed record IdentityRulesRequest(IReadOnlyList<IdentityRuleView>? Rules, IReadOnlyList<string>? BlockedValues);

/// <summary>
/// Reads and sets how identity resolution stitches this tenant's profiles. New rules apply to events projected from now
/// on; profiles already stitched stay as they are (a merge made under the old rules can be undone).
/// </summary>
internal sealed class ManageIdentityRules(Database database, IdentityStore identities)
{
    public async Task<Result<IdentityRulesView>> GetAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return View(await database.ReadAsync(c => identities.RulesAsync(c, caller.Tenant), ct));
    }

    /// <summary>The most junk values a tenant blocks on top of the built-in list.</summary>
    public const int MaxBlockedValues = 10_000;

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
        var tenant = caller.Tenant;
        var saved = await database.WriteAsync(async session =>
        {
            await identities.SaveRulesAsync(session, tenant, rules, blocked);
            return Result<Unit>.Success(Unit.Value);
        }, ct);
        return saved.IsSuccess ? View(new IdentityRules(rules, blocked)) : saved.Error;
    }

    private static IdentityRulesView View(IdentityRules rules) => new(
        rules.All.Select(r => new IdentityRuleView(IdentifierTypes.ToName(r.Type), r.MayMerge, r.MaxPerProfile, r.Priority)).ToList(),
        rules.Blocked.Order(StringComparer.Ordinal).ToList(),
        IdentifierNormaliser.BuiltInBlocked.Order(StringComparer.Ordinal).ToList());
}
