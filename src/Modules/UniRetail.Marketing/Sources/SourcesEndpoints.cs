using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Marketing.Sources;

internal static class SourcesEndpoints
{
    public static void MapSources(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/marketing/sources").WithTags("Marketing").RequireAuthorization();
        sources.MapPost("/", CreateAsync).WithName("Marketing.Sources.Create");
        sources.MapGet("/", ListAsync).WithName("Marketing.Sources.List");
        sources.MapPost("/{sourceId}/keys", RotateKeyAsync).WithName("Marketing.Sources.RotateKey");
        sources.MapDelete("/{sourceId}/keys/{keyId}", RevokeKeyAsync).WithName("Marketing.Sources.RevokeKey");
    }

    private static async Task<Results<Created<SourceCreated>, ProblemHttpResult>> CreateAsync(
        CreateSourceRequest request, Caller caller, ManageSources handler, CancellationToken ct) =>
        (await handler.CreateAsync(caller, request, ct)).ToCreated(s => $"/api/marketing/sources/{s.SourceId}");

    private static async Task<Results<Ok<Page<SourceView>>, ProblemHttpResult>> ListAsync(
        Caller caller, ManageSources handler, Cursors cursors, CancellationToken ct, int? limit = null, string? cursor = null) =>
        (await cursors.PageAsync(caller, "marketing.sources", limit, cursor, page => handler.ListAsync(caller, page, ct))).ToOk();

    /// <summary>A new write key; the source's other live keys keep working for the overlap (default a day), then stop.</summary>
    private static async Task<Results<Created<WriteKeyRotated>, ProblemHttpResult>> RotateKeyAsync(
        string sourceId, RotateWriteKeyRequest? request, Caller caller, ManageSources handler, CancellationToken ct) =>
        (await handler.RotateKeyAsync(caller, sourceId, request ?? new RotateWriteKeyRequest(null), ct)).ToCreated(k => $"/api/marketing/sources/{k.SourceId}");

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        string sourceId, string keyId, Caller caller, ManageSources handler, CancellationToken ct) =>
        (await handler.RevokeKeyAsync(caller, sourceId, keyId, ct)).ToNoContent();
}
