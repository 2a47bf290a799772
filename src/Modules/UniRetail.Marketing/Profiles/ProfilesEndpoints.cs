using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Marketing.Events;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Marketing.Profiles;

internal static class ProfilesEndpoints
{
    public static RouteGroupBuilder MapProfiles(this IEndpointRouteBuilder app)
    {
        var profiles = app.MapGroup("/api/marketing/profiles").WithTags("Marketing").RequireAuthorization();
        profiles.MapGet("", FindAsync).WithName("Marketing.Profiles.Find");
        profiles.MapGet("/{profileId}", ShowAsync).WithName("Marketing.Profiles.Show");
        profiles.MapGet("/{profileId}/identities", IdentitiesAsync).WithName("Marketing.Profiles.Identities");
        profiles.MapGet("/{profileId}/timeline", TimelineAsync).WithName("Marketing.Profiles.Timeline");
        profiles.MapGet("/{profileId}/merges", MergesAsync).WithName("Marketing.Profiles.Merges");
        profiles.MapGet("/{profileId}/joins", JoinsAsync).WithName("Marketing.Profiles.Joins");
        return profiles;
    }

    /// <summary><c>GET /api/marketing/profiles?type=email&amp;value=ann@example.com</c>: the person holding an identifier.</summary>
    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> FindAsync(
        Caller caller, ProfileQueries queries, CancellationToken ct, string? type = null, string? value = null) =>
        (await queries.FindAsync(caller, type, value, ct)).ToOk();

    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> ShowAsync(string profileId, Caller caller, ProfileQueries queries, CancellationToken ct) =>
        (await queries.ShowAsync(caller, profileId, ct)).ToOk();

    /// <summary>A profile's identifiers by type, then value.</summary>
    private static async Task<Results<Ok<Page<IdentifierView>>, ProblemHttpResult>> IdentitiesAsync(
        string profileId, Caller caller, ProfileQueries queries, Cursors cursors, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await cursors.PageAsync(caller, "marketing.identities", limit, cursor, async page =>
            (await queries.ShowAsync(caller, profileId, ct)).Map(p => Slice<IdentifierView>.From(p.Identifiers.OrderBy(Position, StringComparer.Ordinal), page, Position)))).ToOk();

    private static string Position(IdentifierView identifier) => $"{identifier.Type}\n{identifier.Value}";

    private static async Task<Results<Ok<Page<EventView>>, ProblemHttpResult>> TimelineAsync(
        string profileId, Caller caller, ProfileQueries queries, Cursors cursors, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await cursors.PageAsync(caller, "marketing.timeline", limit, cursor, page => queries.TimelineAsync(caller, profileId, page, ct))).ToOk();

    private static async Task<Results<Ok<Page<MergeView>>, ProblemHttpResult>> MergesAsync(
        string profileId, Caller caller, ProfileQueries queries, Cursors cursors, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await cursors.PageAsync(caller, "marketing.profile_merges", limit, cursor, page => queries.MergesAsync(caller, profileId, page, ct))).ToOk();

    private static async Task<Results<Ok<Page<JoinView>>, ProblemHttpResult>> JoinsAsync(
        string profileId, Caller caller, ProfileQueries queries, Cursors cursors, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await cursors.PageAsync(caller, "marketing.profile_joins", limit, cursor, page => queries.JoinsAsync(caller, profileId, page, ct))).ToOk();
}
