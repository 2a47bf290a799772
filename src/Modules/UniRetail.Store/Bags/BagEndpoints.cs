using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Store.Complements;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Store.Bags;

internal static class BagEndpoints
{
    private const string MemberIdDescription = " The member's app (an integration key) names the member it acts for with ?memberId=.";

    public static void MapBagEndpoints(this IEndpointRouteBuilder app)
    {
        var bags = app.MapGroup("/api/bags").WithTags("Store").RequireAuthorization();
        bags.MapPost("/", StartAsync).WithName("Store.StartBag")
            .WithDescription("Starts a scan-to-bag bag at a store by the member code scanned at the entrance (records the visit) or, from the app, by memberId; Idempotency-Key makes a retry answer the first bag.");
        bags.MapGet("/", ListAsync).WithName("Store.ListBags")
            .WithDescription("The store's open bags (not checked out, not expired), newest first: storeId, limit (1 to 500, default 100) and the cursor of the page before.");
        bags.MapGet("/{bagId}", GetAsync).WithName("Store.GetBag").WithDescription("The bag, priced as the till would price it now." + MemberIdDescription);
        bags.MapPost("/{bagId}/scans", ScanAsync).WithName("Store.ScanIntoBag")
            .WithDescription("Adds a scanned GTIN to the bag; answers the bag, up to three complements in stock at the store and promotion reminders. Idempotency-Key makes a retry add nothing." + MemberIdDescription);
        bags.MapPut("/{bagId}/lines/{sku}", SetLineAsync).WithName("Store.SetBagLine")
            .WithDescription("Lowers a line's quantity (0 removes it); adding goes through a scan." + MemberIdDescription);
        bags.MapDelete("/{bagId}/lines/{sku}", RemoveLineAsync).WithName("Store.RemoveBagLine").WithDescription("Removes a line." + MemberIdDescription);

        app.MapPost("/api/store/complements/refresh", RefreshAsync).WithTags("Store").RequireAuthorization().WithName("Store.RefreshComplements")
            .WithDescription("Counts the tenant's orders placed since the last count into its complements now (the server also does every minute).");
    }

    private static async Task<Results<Created<BagView>, Ok<BagView>, ProblemHttpResult>> StartAsync(
        StartBagRequest? request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Caller caller, StartBag handler, HttpResponse response, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, idempotencyKey, ct)).ToCreatedOrReplayed(s => s.Bag, s => s.Replayed, b => $"/api/bags/{b.Id}", response);

    private static async Task<Results<Ok<Page<OpenBagView>>, ProblemHttpResult>> ListAsync(
        [FromQuery] string? storeId, int? limit, string? cursor, Caller caller, ListOpenBags handler, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, $"bags:{storeId}", limit, cursor, page => handler.HandleAsync(caller, storeId, page, ct))).ToOk();

    private static async Task<Results<Ok<BagView>, ProblemHttpResult>> GetAsync(
        string bagId, [FromQuery] string? memberId, Caller caller, ChangeBagLine handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, bagId, memberId, ct)).ToOk();

    private static async Task<Results<Created<ScanView>, Ok<ScanView>, ProblemHttpResult>> ScanAsync(
        string bagId, [FromQuery] string? memberId, ScanRequest? request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Caller caller,
        ScanIntoBag handler, HttpResponse response, CancellationToken ct) =>
        (await handler.HandleAsync(caller, bagId, memberId, request, idempotencyKey, ct))
            .ToCreatedOrReplayed(s => s.Scan, s => s.Replayed, s => $"/api/bags/{s.Bag.Id}", response);

    private static async Task<Results<Ok<BagView>, ProblemHttpResult>> SetLineAsync(
        string bagId, string sku, [FromQuery] string? memberId, SetBagLineRequest? request, Caller caller, ChangeBagLine handler, CancellationToken ct) =>
        (await handler.SetAsync(caller, bagId, memberId, sku, request?.Quantity, ct)).ToOk();

    private static async Task<Results<Ok<BagView>, ProblemHttpResult>> RemoveLineAsync(
        string bagId, string sku, [FromQuery] string? memberId, Caller caller, ChangeBagLine handler, CancellationToken ct) =>
        (await handler.RemoveAsync(caller, bagId, memberId, sku, ct)).ToOk();

    private static async Task<Results<Ok<ComplementsRefreshView>, ProblemHttpResult>> RefreshAsync(Caller caller, RefreshComplements handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, ct)).ToOk();
}
