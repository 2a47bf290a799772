using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Web.Access;
using Xunit;

namespace UniRetail.Server.Tests.Access;

/// <summary>
/// <see cref="RoleReach.Table"/> is the one place role access is decided, so it must name exactly the endpoints the server
/// maps behind a key: one left out is refused to every key, one listed that does not exist hides a renamed endpoint.
/// The table is code, not data, so one engine is enough.
/// </summary>
public sealed class RoleReachTableTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private IReadOnlyList<RouteEndpoint> KeyedEndpoints =>
        server.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            // The console's pages sit behind a signed-in user's cookie, not a key; what a page shows and does is each
            // API endpoint it calls, checked against this table for the user's role (the console's browser tests).
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => a.Policy != UniRetail.WebConsole.Auth.ConsoleAuthentication.Policy))
            .ToList();

    [Fact]
    public void EveryEndpointBehindAKeyHasANameTheTableCanList()
    {
        var unnamed = KeyedEndpoints.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null).Select(e => e.DisplayName);

        Assert.Empty(unnamed);
    }

    [Fact]
    public void TheTableListsEveryEndpointBehindAKeyAndNothingElse()
    {
        var mapped = KeyedEndpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToHashSet();
        var listed = RoleReach.Table.Select(r => r.Endpoint).ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Empty(mapped.Except(listed));
        Assert.Empty(listed.Except(mapped));
    }

    [Fact]
    public async Task TheTableListsEveryOperationOfTheOpenApiDocumentUnderApi()
    {
        var document = await ApiDocument.ReadAsync(server.Factory.CreateClient());
        var operations = document.ApiOperations.Select(o => o.OperationId ?? $"{o.Method} {o.Template} (no operation id)").ToList();

        Assert.Empty(operations.Except(RoleReach.Table.Select(r => r.Endpoint)));
        Assert.Equal(RoleReach.Table.Count, operations.Count);
    }
}
