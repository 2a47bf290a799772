using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class MembersTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task MergingMembersMovesTheSourceMembersOrdersToTheTarget()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(store, sku, 10);
        var app = await retailer.AddMemberAsync("Priya Shah", "priya@example.co.uk");
        var till = await retailer.AddMemberAsync("P. Shah", "p.shah@example.co.uk");
        var online = await retailer.PlaceOrderOkAsync(AnOrder.PickupAt(store).WithLine(sku, 1).ForMember(till.Id));
        var inStore = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(store).WithLine(sku, 2).ForMember(till.Id));
        var own = await retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(store).WithLine(sku, 1).ForMember(app.Id));

        var merge = await retailer.Admin.PostAsJsonAsync("/api/members/merge", new { sourceId = till.Id, targetId = app.Id }, Ct);

        await merge.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var targetOrders = await retailer.ListOrdersAsync($"?memberId={app.Id}");
        Assert.Equal(new[] { online.Id, inStore.Id, own.Id }.Order(), targetOrders.Select(o => o.Id).Order());
        Assert.All(targetOrders, o => Assert.Equal(app.Id, o.MemberId));
        Assert.Empty(await retailer.ListOrdersAsync($"?memberId={till.Id}"));
        Assert.Equal(app.Id, (await retailer.GetOrderAsync(online.Id)).MemberId);
    }

    [Fact]
    public async Task AnOrderForAnUnknownMemberIsRejectedAndHoldsNothing()
    {
        var retailer = await NewRetailerAsync();
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var sku = await retailer.AddProductAsync("MUG-BLUE");
        await retailer.ReceiveAsync(store, sku, 10);

        var response = await retailer.PlaceOrderAsync(AnOrder.PickupAt(store).WithLine(sku, 1).ForMember("mem_nobody"));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "orders.unknown_member", "memberId");
        Assert.Equal(10, (await retailer.AtpAsync(sku)).NetworkAvailable);
    }

    [Theory]
    [InlineData("+447700900123")]
    [InlineData("%2B447700900123")]
    [InlineData("+44%207700%20900123")]
    [InlineData("00447700900123")]
    public async Task LookingUpAPhoneWithAnUnescapedPlusFindsTheMember(string value)
    {
        var retailer = await NewRetailerAsync();
        var registered = await retailer.Admin.PostAsJsonAsync("/api/members",
            new { displayName = "Ada Lovelace", identifiers = new[] { new { kind = "phone", value = "07700 900123" } } }, Ct);
        var ada = await registered.ShouldBeAsync<Member>(HttpStatusCode.Created);

        var found = await retailer.Admin.GetAsync($"/api/members/lookup?kind=phone&value={value}", Ct);

        Assert.Equal(ada.Id, (await found.ShouldBeAsync<Member>(HttpStatusCode.OK)).Id);
    }

    [Fact]
    public async Task AnEmailLookupKeepsALeadingSpaceASpace()
    {
        var retailer = await NewRetailerAsync();
        var ada = await retailer.AddMemberAsync("Ada Lovelace", "ada@example.com");

        var response = await retailer.Admin.GetAsync("/api/members/lookup?kind=email&value=+ada@example.com", Ct);

        Assert.Equal(ada.Id, (await response.ShouldBeAsync<Member>(HttpStatusCode.OK)).Id);
    }
}

public sealed class MembersSqliteTests(SqliteServer server) : MembersTests(server), IClassFixture<SqliteServer>;

public sealed class MembersPostgresTests(PostgresServer server) : MembersTests(server), IClassFixture<PostgresServer>;
