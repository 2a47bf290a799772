using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.Marketing.Events;

internal static class EventsEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/marketing/events", ListAsync).WithTags("Marketing").RequireAuthorization().WithName("Marketing.Events.List");

    private static async Task<Results<Ok<IReadOnlyList<EventView>>, ProblemHttpResult>> ListAsync(
        Caller caller, EventQueries queries, CancellationToken ct, long? after = null, int? limit = null, string? userId = null, string? anonymousId = null) =>
        (await queries.ListAsync(caller, after, limit, userId, anonymousId, ct)).ToOk();
}
