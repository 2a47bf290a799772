using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Store.Checkout;
using UniRetail.Store.MemberCodes;
using UniRetail.Store.Tills;
using UniRetail.Web;

namespace UniRetail.Store;

internal static class StoreEndpoints
{
    public static void MapStoreEndpoints(this IEndpointRouteBuilder app)
    {
        var codes = app.MapGroup("/api/members/{id}/member-code").WithTags("Store").RequireAuthorization();
        codes.MapPost("/", IssueAsync).WithName("Store.IssueMemberCode")
            .WithDescription("A signed, single-use member code for the member's app, valid 60 seconds unless configured; wallet true lets the till take the wallet.");
        codes.MapGet("/{code}/{image}", ImageAsync).WithName("Store.MemberCodeImage")
            .WithDescription("The code drawn: image is qr.png, qr.svg (the QR code) or code128.svg (the Code 128 barcode).");

        var pos = app.MapGroup("/api/pos/{storeId}").WithTags("Store").RequireAuthorization();
        pos.MapPost("/member-code/scan", ScanAsync).WithName("Store.ScanMemberCode")
            .WithDescription("Identifies the member a code names, once, and records their visit; a replayed, expired or forged code is a problem.");
        pos.MapPost("/tills/{tillId}/sessions", OpenAsync).WithName("Store.OpenTill");
        pos.MapGet("/tills/{tillId}/session", CurrentAsync).WithName("Store.CurrentTillSession");
        pos.MapGet("/till-sessions/{sessionId}", GetSessionAsync).WithName("Store.GetTillSession");
        pos.MapPost("/till-sessions/{sessionId}/cash-movements", MoveCashAsync).WithName("Store.MoveCash");
        pos.MapPost("/till-sessions/{sessionId}/close", CloseAsync).WithName("Store.CloseTill")
            .WithDescription("Closes the session with the cash counted and answers its Z report (taken once).");
        pos.MapCheckout();
    }

    private static string KeyOf(ClaimsPrincipal user) => user.FindFirstValue(CallerClaims.KeyId) ?? "api";

    private static async Task<Results<Created<MemberCodeView>, ProblemHttpResult>> IssueAsync(
        string id, IssueMemberCodeRequest? request, Caller caller, IssueMemberCode handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, new MemberId(id), request, ct)).ToCreated(c => c.Images.QrPng);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ImageAsync(
        string id, string code, string image, Caller caller, MemberCodeImage handler, HttpResponse response, CancellationToken ct)
    {
        var drawn = await handler.RenderAsync(caller, new MemberId(id), code, image, ct);
        if (!drawn.IsSuccess)
            return drawn.Error.ToProblem();
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(drawn.Value.Content, drawn.Value.ContentType);
    }

    private static async Task<Results<Ok<MemberCodeScanView>, ProblemHttpResult>> ScanAsync(
        string storeId, ScanMemberCodeRequest? request, Caller caller, ScanMemberCode handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, new LocationId(storeId), request, ct)).ToOk();

    private static async Task<Results<Created<TillSessionView>, ProblemHttpResult>> OpenAsync(
        string storeId, string tillId, OpenTillRequest? request, Caller caller, ClaimsPrincipal user, TillSessions handler, CancellationToken ct) =>
        (await handler.OpenAsync(caller, new LocationId(storeId), tillId, request, KeyOf(user), ct)).ToCreated(s => $"/api/pos/{s.StoreId}/till-sessions/{s.Id}");

    private static async Task<Results<Ok<TillSessionView>, ProblemHttpResult>> CurrentAsync(
        string storeId, string tillId, Caller caller, TillSessions handler, CancellationToken ct) =>
        (await handler.CurrentAsync(caller, new LocationId(storeId), tillId, ct)).ToOk();

    private static async Task<Results<Ok<TillSessionView>, ProblemHttpResult>> GetSessionAsync(
        string storeId, string sessionId, Caller caller, TillSessions handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, new LocationId(storeId), sessionId, ct)).ToOk();

    private static async Task<Results<Created<CashMovementView>, Ok<CashMovementView>, ProblemHttpResult>> MoveCashAsync(
        string storeId, string sessionId, CashMovementRequest? request, Caller caller, TillSessions handler, HttpResponse response, CancellationToken ct) =>
        (await handler.MoveCashAsync(caller, new LocationId(storeId), sessionId, request, ct))
            .ToCreatedOrReplayed(m => m, m => m.Replayed, _ => $"/api/pos/{storeId}/till-sessions/{sessionId}", response);

    private static async Task<Results<Ok<TillSessionView>, ProblemHttpResult>> CloseAsync(
        string storeId, string sessionId, CloseTillRequest? request, Caller caller, ClaimsPrincipal user, TillSessions handler, CancellationToken ct) =>
        (await handler.CloseAsync(caller, new LocationId(storeId), sessionId, request, KeyOf(user), ct)).ToOk();
}
