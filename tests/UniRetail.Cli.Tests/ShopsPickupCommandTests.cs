using System.Text;
using UniRetail.Catalog.Import;
using UniRetail.Data;
using UniRetail.Identity.Locations;
using UniRetail.Inventory.Receipts;
using UniRetail.Kernel;
using UniRetail.Network.Agreements;
using UniRetail.Network.PickupPoints;
using UniRetail.Orders.PlaceOrder;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary>
/// <c>uniretail shops pickup-point | pickup-points | parcels | pickup-fees</c> as the platform's operator and a shop's
/// counter run them: the real CLI process over a platform whose online order goes to the shop's counter (placed in this
/// process through the order handler: there is no order command).
/// </summary>
public abstract class ShopsPickupCommandTests(DatabaseProvider provider) : ImportTest(provider)
{
    [Fact]
    public async Task APointMadeByTheCliTakesAParcelThatTheCounterHandsOverOnTheCodeAndTheFeeIsReported()
    {
        var platform = Caller.AdminOf(await NewTenantAsync("Hangzhou Wholesale"));
        var shop = await NewTenantAsync("Lu's Corner Shop");
        await using (var csv = new MemoryStream(Encoding.UTF8.GetBytes("product_code,product_name,category,sku,price\nMUG,Mug case,Kitchen,MUG-W6,2.10\n")))
            Assert.True((await Get<ImportCatalog>().HandleAsync(platform, csv, Ct)).IsSuccess);
        var dc = (await Get<SaveLocation>().CreateAsync(platform, new LocationRequest("DC", "Hangzhou DC", "warehouse", "", 30.2, 120.1, null, null, true, false, 0, null), Ct)).Value.Id;
        Assert.True((await Get<ReceiveGoods>().HandleAsync(platform, new GoodsReceiptRequest(dc, "GRN-1", [new ReceiptLine("MUG-W6", 60)]), Ct)).IsSuccess);
        var rep = (await Get<ManageReps>().CreateAsync(platform, new RepRequest("Zhang Wei", 0.02m), Ct)).Value;
        var agreement = (await Get<SignUpShop>().LinkAsync(platform.Tenant, shop, new AgreementTermsRequest(rep.Id, dc, "tuesday", false, true), Ct)).Value;

        // The point is made here (this process's location cache sees it, as the order below needs); the CLI changes its terms.
        var point = (await Get<ManagePickupPoints>().SetAsync(platform, agreement.Id, new PickupPointRequest("12 Hefang Street", 30.25, 120.16, null,
            new Dictionary<string, string>(), 5, 0.50m, 7), Ct)).Value;
        var made = await CliAsync("shops", "pickup-point", "--tenant", platform.Tenant.Value, "--agreement", agreement.Id, "--address", "12 Hefang Street",
            "--lat", "30.25", "--lon", "120.16", "--capacity", "2", "--fee", "0.35");
        var bad = await CliAsync("shops", "pickup-point", "--tenant", platform.Tenant.Value, "--agreement", agreement.Id, "--capacity", "0");

        Assert.True(made.Exit == 0, made.Error);
        Assert.Contains("2 parcels a day, 0.35 GBP a parcel", made.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, bad.Exit);
        Assert.Single(bad.Error.Trim().Split('\n'));
        var near = await CliAsync("shops", "pickup-points", "--tenant", platform.Tenant.Value, "--lat", "30.25", "--lon", "120.16");
        Assert.True(near.Exit == 0, near.Error);
        Assert.Contains("Lu's Corner", near.Out, StringComparison.Ordinal);
        Assert.Contains("2 of 2", near.Out, StringComparison.Ordinal);

        var order = (await Get<PlaceOrderHandler>().HandleAsync(platform,
            new PlaceOrderRequest("web", "pickup_in_store", point.LocationId, null, null, null, true, [new OrderLineRequest("MUG-W6", 2)]), null, Ct)).Value.Order;
        var parcel = Assert.Single((await Get<ParcelCounter>().ListAsync(Caller.AdminOf(shop), null, Ct)).Value.Parcels);
        var listed = await CliAsync("shops", "parcels", "--tenant", shop.Value);
        var arrived = await CliAsync("shops", "parcels", "--tenant", shop.Value, "--arrive", parcel.Id);
        var wrong = await CliAsync("shops", "parcels", "--tenant", shop.Value, "--handover", parcel.Id, "--code", order.HandoverCode == "00000000" ? "11111111" : "00000000");
        var handed = await CliAsync("shops", "parcels", "--tenant", shop.Value, "--handover", parcel.Id, "--code", order.HandoverCode!);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var fees = await CliAsync("shops", "pickup-fees", "--tenant", platform.Tenant.Value, "--from", $"{today.AddDays(-1):yyyy-MM-dd}", "--to", $"{today.AddDays(1):yyyy-MM-dd}");

        Assert.True(listed.Exit == 0, listed.Error);
        Assert.Contains(parcel.Label, listed.Out, StringComparison.Ordinal);
        Assert.Contains("expected", listed.Out, StringComparison.Ordinal);
        Assert.True(arrived.Exit == 0, arrived.Error);
        Assert.Contains(": arrived", arrived.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, wrong.Exit);
        Assert.Single(wrong.Error.Trim().Split('\n'));
        Assert.Contains("network.wrong_handover_code", wrong.Error, StringComparison.Ordinal);
        Assert.True(handed.Exit == 0, handed.Error);
        Assert.Contains("handed_over, fee 0.35 GBP", handed.Out, StringComparison.Ordinal);
        Assert.True(fees.Exit == 0, fees.Error);
        Assert.Contains("0.35 GBP", fees.Out, StringComparison.Ordinal);
    }
}

public sealed class ShopsPickupCommandSqliteTests() : ShopsPickupCommandTests(DatabaseProvider.Sqlite);

public sealed class ShopsPickupCommandPostgresTests() : ShopsPickupCommandTests(DatabaseProvider.Postgres);
