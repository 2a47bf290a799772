using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Identity;
using UniRetail.Marketing.Privacy;
using UniRetail.Web;

namespace UniRetail.Marketing.Profiles;

internal static class ProfilesEndpoints
{
    public static void MapProfiles(this IEndpointRouteBuilder app)
    {
        var marketing = app.MapGroup("/api/marketing").WithTags("Marketing").RequireAuthorization();
        marketing.MapGet("/profiles", FindAsync).WithName("Marketing.Profiles.Find");
        marketing.MapGet("/profiles/{profileId}", ShowAsync).WithName("Marketing.Profiles.Show");
        marketing.MapGet("/profiles/{profileId}/identities", IdentitiesAsync).WithName("Marketing.Profiles.Identities");
        marketing.MapGet("/profiles/{profileId}/timeline", TimelineAsync).WithName("Marketing.Profiles.Timeline");
        marketing.MapGet("/profiles/{profileId}/merges", MergesAsync).WithName("Marketing.Profiles.Merges");
        marketing.MapGet("/profiles/{profileId}/consent", ConsentAsync).WithName("Marketing.Profiles.Consent");
        marketing.MapPut("/profiles/{profileId}/consent", RecordConsentAsync).WithName("Marketing.Profiles.RecordConsent");
        marketing.MapGet("/audiences/consented", ConsentedAsync).WithName("Marketing.Profiles.Consented");
        marketing.MapPost("/merges/{mergeId}/undo", UndoAsync).WithName("Marketing.Merges.Undo");
        marketing.MapGet("/identity-rules", RulesAsync).WithName("Marketing.IdentityRules.Get");
        marketing.MapPut("/identity-rules", SetRulesAsync).WithName("Marketing.IdentityRules.Set");
        marketing.MapPost("/exports", ExportAsync).WithName("Marketing.Privacy.Export");
        marketing.MapPost("/erasures", EraseAsync).WithName("Marketing.Privacy.Erase");
        marketing.MapGet("/erasures", ErasuresAsync).WithName("Marketing.Privacy.Erasures");
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

    private static async Task<Results<Ok<IReadOnlyList<ConsentView>>, ProblemHttpResult>> ConsentAsync(
        string profileId, Caller caller, ProfileQueries queries, CancellationToken ct) =>
        (await queries.ShowAsync(caller, profileId, ct)).Map(p => p.Consent).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<ConsentView>>, ProblemHttpResult>> RecordConsentAsync(
        string profileId, RecordConsentRequest request, Caller caller, RecordConsent handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, profileId, request, ct)).ToOk();

    /// <summary>Profiles whose consent allows a purpose (default marketing), paged by profile id.</summary>
    private static async Task<Results<Ok<ProfilePage>, ProblemHttpResult>> ConsentedAsync(
        Caller caller, ProfileQueries queries, CancellationToken ct, string? purpose = null, string? after = null, int? limit = null) =>
        (await queries.AllowingAsync(caller, purpose, after, limit, ct)).ToOk();

    private static async Task<Results<Ok<MergeView>, ProblemHttpResult>> UndoAsync(string mergeId, Caller caller, UndoMerge handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, mergeId, ct)).ToOk();

    private static async Task<Results<Ok<IdentityRulesView>, ProblemHttpResult>> RulesAsync(Caller caller, ManageIdentityRules handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, ct)).ToOk();

    private static async Task<Results<Ok<IdentityRulesView>, ProblemHttpResult>> SetRulesAsync(
        IdentityRulesRequest request, Caller caller, ManageIdentityRules handler, CancellationToken ct) =>
        (await handler.SetAsync(caller, request, ct)).ToOk();

    private static async Task<Results<Ok<PersonExport>, ProblemHttpResult>> ExportAsync(PersonRequest request, Caller caller, ExportPerson handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToOk();

    private static async Task<Results<Ok<ErasureView>, ProblemHttpResult>> EraseAsync(PersonRequest request, Caller caller, ErasePerson handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<ErasureView>>, ProblemHttpResult>> ErasuresAsync(Caller caller, ErasePerson handler, CancellationToken ct) =>
        (await handler.ListAsync(caller, ct)).ToOk();
}
