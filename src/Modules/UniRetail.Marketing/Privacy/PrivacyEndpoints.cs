using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Marketing.Profiles;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Marketing.Privacy;

internal static class PrivacyEndpoints
{
    public static RouteGroupBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var privacy = app.MapGroup("/api/marketing").WithTags("Marketing").RequireAuthorization();
        privacy.MapPost("/exports", ExportAsync).WithName("Marketing.Privacy.Export");
        privacy.MapPost("/erasures", EraseAsync).WithName("Marketing.Privacy.Erase");
        privacy.MapGet("/erasures", ErasuresAsync).WithName("Marketing.Privacy.Erasures");
        return privacy;
    }

    private static async Task<Results<Ok<PersonExport>, ProblemHttpResult>> ExportAsync(PersonRequest request, Caller caller, ExportPerson handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToOk();

    private static async Task<Results<Ok<ErasureView>, ProblemHttpResult>> EraseAsync(PersonRequest request, Caller caller, ErasePerson handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToOk();

    private static async Task<Results<Ok<Page<ErasureView>>, ProblemHttpResult>> ErasuresAsync(
        Caller caller, ErasePerson handler, Cursors cursors, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await cursors.PageAsync(caller, "marketing.erasures", limit, cursor, page => handler.ListAsync(caller, page, ct))).ToOk();
}
