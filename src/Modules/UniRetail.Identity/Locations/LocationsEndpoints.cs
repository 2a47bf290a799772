using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Domain;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Identity.Locations;

internal static class LocationsEndpoints
{
    public static void MapLocations(this IEndpointRouteBuilder app)
    {
        var locations = app.MapGroup("/api/locations").WithTags("Locations").RequireAuthorization();
        locations.MapGet("/", ListAsync).WithName("Locations.List");
        locations.MapGet("/{id}", GetAsync).WithName("Locations.Get");
        locations.MapPost("/", CreateAsync).WithName("Locations.Create");
        locations.MapPut("/{id}", UpdateAsync).WithName("Locations.Update");
    }

    /// <summary>The tenant's locations in code order.</summary>
    private static async Task<Results<Ok<Page<LocationView>>, ProblemHttpResult>> ListAsync(
        int? limit, string? cursor, Caller caller, ILocationDirectory directory, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "locations", limit, cursor, async page =>
            Slice<LocationInfo>.From((await directory.ListAsync(caller.Tenant, ct)).OrderBy(l => l.Code, StringComparer.Ordinal), page, l => l.Code).Map(LocationView.From))).ToOk();

    private static async Task<Results<Ok<LocationView>, ProblemHttpResult>> GetAsync(string id, Caller caller, ILocationDirectory directory, CancellationToken ct) =>
        await directory.FindAsync(caller.Tenant, new LocationId(id), ct) is { } location
            ? TypedResults.Ok(LocationView.From(location))
            : IdentityErrors.UnknownLocation(id, "id").ToProblem();

    private static async Task<Results<Created<LocationView>, ProblemHttpResult>> CreateAsync(
        LocationRequest request, Caller caller, SaveLocation handler, CancellationToken ct) =>
        (await handler.CreateAsync(caller, request, ct)).ToCreated(l => $"/api/locations/{l.Id}");

    private static async Task<Results<Ok<LocationView>, ProblemHttpResult>> UpdateAsync(
        string id, LocationRequest request, Caller caller, SaveLocation handler, CancellationToken ct) =>
        (await handler.UpdateAsync(caller, new LocationId(id), request, ct)).ToOk();
}
