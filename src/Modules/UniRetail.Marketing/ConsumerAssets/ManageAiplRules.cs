using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>The tenant's AIPL rules as the API shows them: the rules in force and whether they are the defaults.</summary>
internal sealed record AiplRulesView(AiplRulesRequest Rules, bool Defaults, string Source);

/// <summary>
/// Reads and replaces a tenant's AIPL rules. Windows and the loyalty rule apply at once to every figure (stages are computed
/// from the stored days on each read); the event-to-stage mapping applies to events projected from then on.
/// </summary>
internal sealed class ManageAiplRules(Database database, AiplStore store, TimeProvider clock)
{
    public const string DefaultsSource =
        "Tmall Data Bank consumer-asset definitions as Alibaba's service providers describe them: Aware = exposure within 15 days, "
        + "Interested = engagement within 15 days, Purchased = an order within 2.5 years, Loyal = purchases on 2+ days within 365 days, "
        + "a positive review, or a chosen member tier.";

    public async Task<Result<AiplRulesView>> GetAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rules = await database.ReadAsync(c => store.RulesAsync(c, caller.Tenant), ct);
        return new AiplRulesView((rules ?? AiplRules.Default).ToRequest(), rules is null, DefaultsSource);
    }

    public async Task<Result<AiplRulesView>> SetAsync(Caller caller, AiplRulesRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rules = AiplRules.From(request);
        if (!rules.IsSuccess)
            return rules.Error;
        await database.WriteAsync(async session =>
        {
            await store.SetRulesAsync(session, caller.Tenant, rules.Value, clock.GetUtcNow().ToUnixTimeMilliseconds());
            return Result<Unit>.Success(Unit.Value);
        }, ct);
        return new AiplRulesView(rules.Value.ToRequest(), false, DefaultsSource);
    }
}
