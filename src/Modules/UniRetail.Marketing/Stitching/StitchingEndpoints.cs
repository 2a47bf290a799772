using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Marketing.Profiles;
using UniRetail.Web;

namespace UniRetail.Marketing.Stitching;

internal static class StitchingEndpoints
{
    public static RouteGroupBuilder MapStitching(this IEndpointRouteBuilder app)
    {
        var stitching = app.MapGroup("/api/marketing").WithTags("Marketing").RequireAuthorization();
        stitching.MapPost("/merges/{mergeId}/undo", UndoAsync).WithName("Marketing.Merges.Undo");
        stitching.MapGet("/identity-rules", RulesAsync).WithName("Marketing.IdentityRules.Get");
        stitching.MapPut("/identity-rules", SetRulesAsync).WithName("Marketing.IdentityRules.Set");
        return stitching;
    }

    private static async Task<Results<Ok<MergeView>, ProblemHttpResult>> UndoAsync(string mergeId, Caller caller, UndoMerge handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, mergeId, ct)).ToOk();

    private static async Task<Results<Ok<IdentityRulesView>, ProblemHttpResult>> RulesAsync(Caller caller, ManageIdentityRules handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, ct)).ToOk();

    private static async Task<Results<Ok<IdentityRulesView>, ProblemHttpResult>> SetRulesAsync(
        IdentityRulesRequest request, Caller caller, ManageIdentityRules handler, CancellationToken ct) =>
        (await handler.SetAsync(caller, request, ct)).ToOk();
}
