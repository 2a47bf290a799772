using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.Consent;

/// <summary>Choices per purpose, e.g. <c>{"marketing": true, "analytics": false}</c>; purposes left out keep their choice.</summary>
internal sealed record RecordConsentRequest(IReadOnlyDictionary<string, bool>? Purposes);

/// <summary>
/// Records a person's consent choices from outside the event stream (a consent platform, a store till, customer
/// service). They apply at once; the profile's version moves, so a projector batch that read it earlier plans again.
/// </summary>
internal sealed class RecordConsent(Database database, ProfileStore profiles, ProfileQueries queries, TimeProvider clock)
{
    public const string ApiSource = "api";

    public async Task<Result<IReadOnlyList<ConsentView>>> HandleAsync(Caller caller, string profileId, RecordConsentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Purposes is not { Count: > 0 })
            return MarketingErrors.NoPurposes();
        var choices = new Dictionary<ConsentPurpose, bool>();
        foreach (var (name, granted) in request.Purposes)
        {
            var purpose = ConsentPurposes.Parse(name, $"purposes.{name}");
            if (!purpose.IsSuccess)
                return purpose.Error;
            choices[purpose.Value] = granted;
        }
        var tenant = caller.Tenant;
        var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await database.WriteAsync<IReadOnlyList<ConsentView>>(async session =>
        {
            var live = await queries.LiveAsync(session.Connection, tenant, profileId, session.Transaction);
            if (live is null || !await profiles.TouchAsync(session, tenant, live.ProfileId))
                return MarketingErrors.UnknownProfile($"id '{profileId}'");
            await profiles.UpsertConsentAsync(session, tenant, live.ProfileId, choices.ToDictionary(c => c.Key, c => new ConsentChoice(c.Value, at, ApiSource)));
            var state = live.ToState(await profiles.ConsentAsync(session.Connection, tenant, [live.ProfileId], session.Transaction));
            return Result<IReadOnlyList<ConsentView>>.Success(ConsentViews.Of(state));
        }, ct);
    }
}
