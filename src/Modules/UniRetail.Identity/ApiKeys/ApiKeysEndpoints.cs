using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Identity.ApiKeys;

internal static class ApiKeysEndpoints
{
    public static void MapApiKeys(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").WithTags("API keys").RequireAuthorization();
        keys.MapPost("/", CreateAsync).WithName("Keys.Create");
        keys.MapGet("/", ListAsync).WithName("Keys.List");
        keys.MapDelete("/{keyId}", RevokeAsync).WithName("Keys.Revoke");
        app.MapGet("/api/tenant", GetTenantAsync).WithTags("API keys").RequireAuthorization().WithName("Tenant.Get");
    }

    private static async Task<Results<Created<ApiKeyCreated>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, Caller caller, ManageApiKeys handler, CancellationToken ct) =>
        (await handler.CreateAsync(caller, request, ct)).ToCreated(k => $"/api/keys/{k.KeyId}");

    private static async Task<Results<Ok<Page<ApiKeyView>>, ProblemHttpResult>> ListAsync(
        int? limit, string? cursor, Caller caller, ManageApiKeys handler, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "keys", limit, cursor, page => handler.ListAsync(caller, page, ct))).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string keyId, Caller caller, ManageApiKeys handler, CancellationToken ct) =>
        (await handler.RevokeAsync(caller, keyId, ct)).ToNoContent();

    private static async Task<Ok<TenantView>> GetTenantAsync(Caller caller, ITenantDirectory tenants, CancellationToken ct)
    {
        var tenant = (await tenants.FindAsync(caller.Tenant, ct))!;
        return TypedResults.Ok(new TenantView(tenant.Id.Value, tenant.Name, tenant.Currency.Code, Roles.ToName(caller.Role), caller.Store?.Value));
    }
}

internal sealed record TenantView(string Id, string Name, string Currency, string Role, string? StoreId);
