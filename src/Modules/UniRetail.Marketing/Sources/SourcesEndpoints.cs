using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.Marketing.Sources;

internal static class SourcesEndpoints
{
    public static void MapSources(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/marketing/sources").WithTags("Marketing").RequireAuthorization();
        sources.MapPost("/", CreateAsync).WithName("Marketing.Sources.Create");
        sources.MapGet("/", ListAsync).WithName("Marketing.Sources.List");
    }

    private static async Task<Results<Created<SourceCreated>, ProblemHttpResult>> CreateAsync(
        CreateSourceRequest request, Caller caller, ManageSources handler, CancellationToken ct) =>
        (await handler.CreateAsync(caller, request, ct)).ToCreated(s => $"/api/marketing/sources/{s.SourceId}");

    private static async Task<Results<Ok<IReadOnlyList<SourceView>>, ProblemHttpResult>> ListAsync(Caller caller, ManageSources handler, CancellationToken ct) =>
        (await handler.ListAsync(caller, ct)).ToOk();
}
