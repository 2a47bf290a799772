using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Web;

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
        return profiles;
    }

    /// <summary><c>GET /api/marketing/profiles?type=email&amp;value=ann@example.com</c>: the person holding an identifier.</summary>
    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> FindAsync(
        Caller caller, ProfileQueries queries, CancellationToken ct, string? type = null, string? value = null) =>
        (await queries.FindAsync(caller, type, value, ct)).ToOk();

    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> ShowAsync(string profileId, Caller caller, ProfileQueries queries, CancellationToken ct) =>
        (await queries.ShowAsync(caller, profileId, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<IdentifierView>>, ProblemHttpResult>> IdentitiesAsync(
        string profileId, Caller caller, ProfileQueries queries, CancellationToken ct) =>
        (await queries.ShowAsync(caller, profileId, ct)).Map(p => p.Identifiers).ToOk();

    private static async Task<Results<Ok<TimelineView>, ProblemHttpResult>> TimelineAsync(
        string profileId, Caller caller, ProfileQueries queries, CancellationToken ct, string? before = null, int? limit = null) =>
        (await queries.TimelineAsync(caller, profileId, before, limit, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<MergeView>>, ProblemHttpResult>> MergesAsync(
        string profileId, Caller caller, ProfileQueries queries, CancellationToken ct) =>
        (await queries.MergesAsync(caller, profileId, ct)).ToOk();
}
