using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record CampaignDto(string Id, string Name, string Kind, string PromotionId, long Used, long Issued);

/// <summary><c>GET /api/loyalty/coupon-campaigns</c>: the tenant's campaigns, newest first, a page at a time; nobody else's.</summary>
public abstract class CouponCampaignListTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task ATenantListsItsCampaignsNewestFirstPageByPageAndAnotherTenantSeesNone()
    {
        var retailer = await NewRetailerAsync();
        var other = await NewRetailerAsync("Wang's shop");
        Assert.Empty((await (await retailer.Admin.GetAsync("/api/loyalty/coupon-campaigns", Ct)).ShouldBeAsync<Page<CampaignDto>>(HttpStatusCode.OK)).Items);
        var created = new List<CampaignDto>();
        for (var i = 1; i <= 5; i++)
        {
            created.Add(await (await retailer.Admin.PostAsJsonAsync("/api/loyalty/coupon-campaigns", new
            {
                name = $"Campaign {i}", promotionId = $"promo-{i}", kind = i % 2 == 0 ? "shared" : "single_use",
                startsAt = DateTimeOffset.UtcNow.AddHours(-1), endsAt = DateTimeOffset.UtcNow.AddDays(7),
                codes = i % 2 == 0 ? new[] { $"SAVE{i}" } : null,
            }, Ct)).ShouldBeAsync<CampaignDto>(HttpStatusCode.Created));
            await Task.Delay(2, Ct);
        }

        var first = await (await retailer.Admin.GetAsync("/api/loyalty/coupon-campaigns?limit=2", Ct)).ShouldBeAsync<Page<CampaignDto>>(HttpStatusCode.OK);
        var all = await retailer.Admin.AllPagesAsync<CampaignDto>("/api/loyalty/coupon-campaigns", limit: 2);

        Assert.Equal(["Campaign 5", "Campaign 4"], first.Items.Select(c => c.Name));
        Assert.NotNull(first.Next);
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(i => $"Campaign {i}"), all.Select(c => c.Name));
        Assert.Equal(("shared", 1L), all.Where(c => c.Name == "Campaign 4").Select(c => (c.Kind, c.Issued)).Single());
        Assert.Empty((await (await other.Admin.GetAsync("/api/loyalty/coupon-campaigns", Ct)).ShouldBeAsync<Page<CampaignDto>>(HttpStatusCode.OK)).Items);
        await (await other.Admin.GetAsync($"/api/loyalty/coupon-campaigns?cursor={Uri.EscapeDataString(first.Next!)}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_cursor", "cursor");
        await (await retailer.Admin.GetAsync("/api/loyalty/coupon-campaigns?limit=501", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_limit", "limit");

        // Store staff read campaigns (the till shows them), as they read one.
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var staff = await retailer.KeyForStoreAsync(store);
        Assert.Equal(5, (await staff.AllPagesAsync<CampaignDto>("/api/loyalty/coupon-campaigns")).Count);
    }
}

public sealed class CouponCampaignListSqliteTests(SqliteServer server) : CouponCampaignListTests(server), IClassFixture<SqliteServer>;

public sealed class CouponCampaignListPostgresTests(PostgresServer server) : CouponCampaignListTests(server), IClassFixture<PostgresServer>;
