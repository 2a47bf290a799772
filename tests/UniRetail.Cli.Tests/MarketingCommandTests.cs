using System.Text.Json;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Projection;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary><c>uniretail marketing fast</c> as a marketer runs it: the real CLI process over the fixture import's AIPL rows.</summary>
public abstract class MarketingCommandTests(DatabaseProvider provider) : ImportTest(provider)
{
    private async Task<TenantId> ProjectedTenantAsync()
    {
        var tenant = await ImportedSampleTenantAsync();
        await Get<ProfileProjector>().CatchUpAsync(Ct);
        return tenant;
    }

    private static Dictionary<string, JsonElement> Superiority(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("superiority").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    [Fact]
    public async Task MarketingFast_TopShareOrTiers_ChoosesWhoIsHighValue_AndBothAtOnceFailsWithOneLine()
    {
        var tenant = await ProjectedTenantAsync();
        string[] period = ["marketing", "fast", "--tenant", tenant.Value, "--from", "2011-06-01", "--to", "2011-08-31", "--json"];

        var top = await CliAsync([.. period, "--top", "1"]);
        var tiers = await CliAsync([.. period, "--tiers", "gold,platinum"]);
        var both = await CliAsync([.. period, "--top", "0.5", "--tiers", "gold"]);

        Assert.True(top.Exit == 0, top.Error);
        var everyone = Superiority(top.Out);
        // Every purchaser is high-value at top 1, with all of the purchasers' GMV.
        Assert.True(everyone["highValuePeople"].GetProperty("value").GetDecimal() > 0);
        Assert.Equal(1m, everyone["highValueShareOfGmv"].GetProperty("value").GetDecimal());
        Assert.True(tiers.Exit == 0, tiers.Error);
        // The file's customers have no loyalty tier: nobody is high-value by tier, and the definition names the tiers.
        var byTier = Superiority(tiers.Out);
        Assert.Equal(0m, byTier["highValuePeople"].GetProperty("value").GetDecimal());
        Assert.Contains("gold or platinum", byTier["highValuePeople"].GetProperty("definition").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, both.Exit);
        Assert.Single(both.Error.Trim().Split('\n'));
        Assert.Contains("marketing.bad_target", both.Error, StringComparison.Ordinal);
    }
}

public sealed class MarketingCommandSqliteTests() : MarketingCommandTests(DatabaseProvider.Sqlite);

public sealed class MarketingCommandPostgresTests() : MarketingCommandTests(DatabaseProvider.Postgres);
