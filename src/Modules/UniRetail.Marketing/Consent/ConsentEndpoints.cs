using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Marketing.Profiles;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Marketing.Consent;

internal static class ConsentEndpoints
{
    public static RouteGroupBuilder MapConsent(this IEndpointRouteBuilder app)
    {
        var consent = app.MapGroup("/api/marketing").WithTags("Marketing").RequireAuthorization();
        consent.MapGet("/profiles/{profileId}/consent", ConsentAsync).WithName("Marketing.Profiles.Consent");
        consent.MapPut("/profiles/{profileId}/consent", RecordConsentAsync).WithName("Marketing.Profiles.RecordConsent");
        consent.MapGet("/audiences/consented", ConsentedAsync).WithName("Marketing.Profiles.Consented");
        return consent;
    }

    private static async Task<Results<Ok<IReadOnlyList<ConsentView>>, ProblemHttpResult>> ConsentAsync(
        string profileId, Caller caller, ProfileQueries queries, CancellationToken ct) =>
        (await queries.ShowAsync(caller, profileId, ct)).Map(p => p.Consent).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<ConsentView>>, ProblemHttpResult>> RecordConsentAsync(
        string profileId, RecordConsentRequest request, Caller caller, RecordConsent handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, profileId, request, ct)).ToOk();

    /// <summary>Profiles whose consent allows a purpose (default marketing), paged by profile id.</summary>
    private static async Task<Results<Ok<Page<string>>, ProblemHttpResult>> ConsentedAsync(
        Caller caller, ProfileQueries queries, Cursors cursors, CancellationToken ct, string? purpose = null, int? limit = null, string? cursor = null) =>
        (await cursors.PageAsync(caller, "marketing.consented", limit, cursor, page => queries.AllowingAsync(caller, purpose, page, ct))).ToOk();
}
