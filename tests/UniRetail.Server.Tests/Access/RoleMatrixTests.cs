using System.Net;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Web.Access;
using Xunit;

namespace UniRetail.Server.Tests.Access;

/// <summary>
/// Every operation of the OpenAPI document, called by every role of one tenant with a request that succeeds for an admin:
/// each role gets exactly the reach <see cref="RoleReach"/> writes down, and store staff act only at their own store
/// where the reach is <see cref="StoreStaffReach.OwnStore"/>.
/// </summary>
public abstract class RoleMatrixTests(ServerFixture server) : ServerTests(server)
{
    private enum Outcome
    {
        Served,
        RoleForbidden,
        OtherStore,
    }

    /// <summary>A key of the tenant; every call is made at store A.</summary>
    private sealed record Key(string Name, Func<SeededTenant, string> Token, Func<EndpointReach, Outcome> Expect);

    private static readonly Key[] Keys =
    [
        new("admin", t => t.Retailer.AdminToken, _ => Outcome.Served),
        new("integration", t => t.Integration.Token, r => r.Integration ? Outcome.Served : Outcome.RoleForbidden),
        new("marketer", t => t.Marketer.Token, r => r.Marketer ? Outcome.Served : Outcome.RoleForbidden),
        new("store_staff of store A", t => t.StaffA.Token, r => r.StoreStaff == StoreStaffReach.None ? Outcome.RoleForbidden : Outcome.Served),
        new("store_staff of store B", t => t.StaffB.Token, r => r.StoreStaff switch
        {
            StoreStaffReach.None => Outcome.RoleForbidden,
            StoreStaffReach.OwnStore => Outcome.OtherStore,
            _ => Outcome.Served,
        }),
    ];

    [Fact]
    public async Task EveryRoleReachesExactlyTheEndpointsRoleReachGivesIt()
    {
        var tenant = await SeededTenant.CreateAsync(Server.Factory, "Camden Goods");
        var calls = new ValidCalls(tenant);
        var document = await ApiDocument.ReadAsync(Server.Factory.CreateClient());
        using var client = Server.Factory.CreateClient();
        var wrong = new List<string>();

        foreach (var operation in document.ApiOperations)
        {
            var reach = RoleReach.For(operation.OperationId);
            if (reach is null)
            {
                wrong.Add($"{operation.Name}: not in RoleReach.Table, so no key may call it");
                continue;
            }
            foreach (var key in Keys)
            {
                var request = (await calls.ForAsync(operation, tenant.StoreA)).WithBearer(key.Token(tenant));
                using var response = await client.SendAsync(request, Ct);
                var expected = key.Expect(reach);
                if (await OutcomeOfAsync(response) != expected)
                    wrong.Add($"{operation.Name} with the {key.Name} key at store A: expected {Describe(expected)}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}\n    {request}");
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} calls did not get the reach RoleReach gives:\n" + string.Join("\n", wrong));
        Assert.True((await tenant.Retailer.CheckLedgerAsync()).Consistent);
    }

    private static async Task<Outcome?> OutcomeOfAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return Outcome.Served;
        if (response.StatusCode != HttpStatusCode.Forbidden)
            return null;
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString();
        return code switch
        {
            "identity.role_forbidden" => Outcome.RoleForbidden,
            "identity.other_store" => Outcome.OtherStore,
            _ => null,
        };
    }

    private static string Describe(Outcome outcome) => outcome switch
    {
        Outcome.Served => "2xx",
        Outcome.RoleForbidden => "403 identity.role_forbidden",
        _ => "403 identity.other_store",
    };
}

public sealed class RoleMatrixSqliteTests(UnlimitedSqliteServer server) : RoleMatrixTests(server), IClassFixture<UnlimitedSqliteServer>;

public sealed class RoleMatrixPostgresTests(UnlimitedPostgresServer server) : RoleMatrixTests(server), IClassFixture<UnlimitedPostgresServer>;
