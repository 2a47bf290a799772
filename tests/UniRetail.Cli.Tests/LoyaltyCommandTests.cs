using UniRetail.Cli.CompleteJourney;
using UniRetail.Data;
using UniRetail.Loyalty.Check;
using UniRetail.Kernel;
using Xunit;

namespace UniRetail.Cli.Tests;

public abstract class LoyaltyCommandTests(DatabaseProvider provider) : ImportTest(provider)
{
    private const string Program = """
        {
          "currency": "GBP",
          "earn": { "pointsPerUnit": 1, "categoryMultipliers": { "Home/Kitchen": 2 }, "firstPurchaseBonus": 50, "birthdayBonus": 200, "storeVisitBonus": 10 },
          "pendingDays": 14,
          "expiryMonths": 12,
          "redemption": { "points": 100, "value": 1.00, "minimumPoints": 100, "maxShareOfBasket": 50 },
          "tiers": { "basis": "spend", "periodMonths": 12, "levels": [ { "name": "member", "threshold": 0 }, { "name": "gold", "threshold": 500, "earnMultiplier": 1.5, "freeDelivery": true } ] }
        }
        """;

    [Fact]
    public async Task ProgramSetReadsTheJsonFileAndRefusesABrokenOneWithItsCodeAndField()
    {
        await NewTenantAsync("Camden Gifts");
        var good = Path.Combine(Path.GetTempPath(), $"program-{Guid.NewGuid():N}.json");
        var bad = Path.Combine(Path.GetTempPath(), $"program-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(good, Program, Ct);
        await File.WriteAllTextAsync(bad, Program.Replace("\"pendingDays\": 14", "\"pendingDays\": 400", StringComparison.Ordinal), Ct);

        var set = await CliAsync("loyalty", "program", "set", good, "--tenant", "Camden Gifts");
        var refused = await CliAsync("loyalty", "program", "set", bad, "--tenant", "Camden Gifts");
        var shown = await CliAsync("loyalty", "program", "show", "--tenant", "Camden Gifts");
        var check = await CliAsync("loyalty", "check");

        Assert.True(set.Exit == 0, set.Error);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("loyalty.out_of_range (pendingDays)", refused.Error, StringComparison.Ordinal);
        Assert.Contains("\"pendingDays\": 14", shown.Out, StringComparison.Ordinal);
        Assert.Contains("loyalty ledger check: OK", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCompleteJourneyCouponsImportWithEveryRedemptionAppliedOnceAndTheLedgerBalances()
    {
        var folder = CompleteJourneyFiles.Locate();
        if (folder is null)
            Assert.Skip($"The data set is not here: {CompleteJourneyFiles.RelativePath} was not found above the working folder.");
        var tenant = await NewTenantAsync();
        await using var host = await Server.ModuleContainer.StartAsync(Get<Database>().Options, Ct);
        var files = CompleteJourneyFiles.Read(folder);

        var first = await Commands.CompleteJourneyCommand.Importer(host).RunAsync(tenant, files, Ct);
        var again = await Commands.CompleteJourneyCommand.Importer(host).RunAsync(tenant, files, Ct);

        Assert.Equal((27, 27), (first.Campaigns, first.CampaignsCreated));
        Assert.Equal((1_197, 1_197), (first.Codes, first.CodesCreated));
        Assert.Equal((1_559, 1_559), (first.Households, first.MembersCreated));
        Assert.Equal((2_102, 2_102, 0), (first.Redemptions, first.Redeemed, first.Replayed));
        Assert.Empty(first.Refused);
        Assert.Equal((0, 0, 0, 2_102), (again.CampaignsCreated, again.CodesCreated, again.MembersCreated, again.Replayed));
        Assert.True((await host.Get<LoyaltyCheck>().VerifyAsync(Caller.AdminOf(tenant), Ct)).Consistent);
    }
}

public sealed class LoyaltyCommandSqliteTests() : LoyaltyCommandTests(DatabaseProvider.Sqlite);

public sealed class LoyaltyCommandPostgresTests() : LoyaltyCommandTests(DatabaseProvider.Postgres);
