using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Marketing.Events;

internal static class EventsEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/marketing/events", ListAsync).WithTags("Marketing").RequireAuthorization().WithName("Marketing.Events.List");

    private static async Task<Results<Ok<Page<EventView>>, ProblemHttpResult>> ListAsync(
        Caller caller, EventQueries queries, Cursors cursors, CancellationToken ct, int? limit = null, string? cursor = null, string? userId = null, string? anonymousId = null) =>
        (await cursors.PageAsync(caller, "marketing.events", limit, cursor, page => queries.ListAsync(caller, userId, anonymousId, page, ct))).ToOk();
}
