using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class HostTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task HealthIsOkAndNamesTheConfiguredDatabase()
    {
        var response = await Server.Factory.CreateClient().GetAsync("/health", Ct);

        var health = await response.ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(Server.Provider.ToString(), health.GetProperty("database").GetString());
    }

    [Fact]
    public async Task OpenApiDocumentIsServedWithoutAKeyAndListsTheOrderEndpoints()
    {
        var document = await Server.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(paths, p => p.TrimEnd('/') == "/api/orders");
        Assert.Contains("/api/orders/{id}", paths);
        Assert.Contains("/api/inventory/atp/{sku}", paths);
    }
}

public sealed class HostSqliteTests(SqliteServer server) : HostTests(server), IClassFixture<SqliteServer>;

public sealed class HostPostgresTests(PostgresServer server) : HostTests(server), IClassFixture<PostgresServer>;
