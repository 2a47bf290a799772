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
        stitching.MapPost("/joins/{joinId}/undo", UndoJoinAsync).WithName("Marketing.Joins.Undo");
        stitching.MapGet("/identity-rules", RulesAsync).WithName("Marketing.IdentityRules.Get");
        stitching.MapPut("/identity-rules", SetRulesAsync).WithName("Marketing.IdentityRules.Set");
        stitching.MapPost("/restitch", RestitchAsync).WithName("Marketing.Restitch.Start");
        stitching.MapGet("/restitch", RestitchStatusAsync).WithName("Marketing.Restitch.Status");
        return stitching;
    }

    private static async Task<Results<Ok<MergeView>, ProblemHttpResult>> UndoAsync(string mergeId, Caller caller, UndoMerge handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, mergeId, ct)).ToOk();

    /// <summary>
    /// <c>POST /api/marketing/restitch</c>: starts (or finds the running) re-stitch and replays for up to two seconds: 200 with
    /// the finished job, or 202 with the running one, which the server finishes in the background.
    /// </summary>
    private static async Task<Results<Ok<RestitchView>, Accepted<RestitchView>, ProblemHttpResult>> RestitchAsync(
        Caller caller, RestitchProfiles handler, CancellationToken ct)
    {
        var job = await handler.StartAsync(caller, $"api:{Roles.ToName(caller.Role)}", RestitchProfiles.InlineBudget, ct);
        if (!job.IsSuccess)
            return job.Error.ToProblem();
        return job.Value.State == "finished" ? TypedResults.Ok(job.Value) : TypedResults.Accepted("/api/marketing/restitch", job.Value);
    }

    private static async Task<Results<Ok<RestitchView>, ProblemHttpResult>> RestitchStatusAsync(Caller caller, RestitchProfiles handler, CancellationToken ct) =>
        (await handler.StatusAsync(caller, ct)).ToOk();

    private static async Task<Results<Ok<JoinView>, ProblemHttpResult>> UndoJoinAsync(string joinId, Caller caller, UndoJoin handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, joinId, ct)).ToOk();

    private static async Task<Results<Ok<IdentityRulesView>, ProblemHttpResult>> RulesAsync(Caller caller, ManageIdentityRules handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, ct)).ToOk();

    private static async Task<Results<Ok<IdentityRulesView>, ProblemHttpResult>> SetRulesAsync(
        IdentityRulesRequest request, Caller caller, ManageIdentityRules handler, CancellationToken ct) =>
        (await handler.SetAsync(caller, request, ct)).ToOk();
}
