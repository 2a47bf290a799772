using System.Text.Json;
using UniRetail.Data;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary><c>uniretail profiles show</c> as an operator runs it: the real CLI process over a database the fixture import filled.</summary>
public abstract class ProfilesCommandTests(DatabaseProvider provider) : ImportTest(provider)
{
    [Fact]
    public async Task ProfilesShow_ByUserId_PrintsThePersonWithTheirOrders()
    {
        var tenant = await ImportedSampleTenantAsync();

        var (exit, output, error) = await CliAsync("profiles", "show", "--tenant", tenant.Value, "--user-id", "17850");

        Assert.True(exit == 0, error);
        Assert.Contains("17850", output, StringComparison.Ordinal);
        Assert.Contains("2 orders", output, StringComparison.Ordinal);
        Assert.Contains("161.32 GBP", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split("Order Completed").Length - 1);
    }

    [Fact]
    public async Task ProfilesShow_Json_IsTheProfileAndItsLatestEvents()
    {
        var tenant = await ImportedSampleTenantAsync();

        var (exit, output, error) = await CliAsync("profiles", "show", "--tenant", tenant.Value, "--user-id", "15311", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var aggregates = json.RootElement.GetProperty("profile").GetProperty("aggregates");
        Assert.Equal((0, 1), (aggregates.GetProperty("orders").GetInt32(), aggregates.GetProperty("refunds").GetInt32()));
        Assert.Equal("Order Refunded", json.RootElement.GetProperty("latestEvents")[0].GetProperty("event").GetString());
    }

    [Fact]
    public async Task ProfilesShow_WithoutOneLookupOrForNobody_FailsWithOneLine()
    {
        var tenant = await ImportedSampleTenantAsync();

        var none = await CliAsync("profiles", "show", "--tenant", tenant.Value);
        var two = await CliAsync("profiles", "show", "--tenant", tenant.Value, "--email", "a@example.com", "--phone", "07700900123");
        var nobody = await CliAsync("profiles", "show", "--tenant", tenant.Value, "--email", "nobody@example.com");

        Assert.All(new[] { none, two, nobody }, r =>
        {
            Assert.NotEqual(0, r.Exit);
            Assert.Single(r.Error.Trim().Split('\n'));
            Assert.StartsWith("error:", r.Error, StringComparison.Ordinal);
        });
        Assert.Contains("marketing.unknown_profile", nobody.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilesRestitch_RebuildsTheTenantsProfilesAndTheSameCustomersComeBack()
    {
        var tenant = await ImportedSampleTenantAsync();
        var (_, before, _) = await CliAsync("profiles", "show", "--tenant", tenant.Value, "--user-id", "17850", "--json");

        var (exit, output, error) = await CliAsync("profiles", "restitch", "--tenant", tenant.Value);
        var status = await CliAsync("profiles", "restitch", "--tenant", tenant.Value, "--status");
        var (_, after, _) = await CliAsync("profiles", "show", "--tenant", tenant.Value, "--user-id", "17850", "--json");

        Assert.True(exit == 0, error);
        Assert.Contains(": finished;", output, StringComparison.Ordinal);
        Assert.Equal(0, status.Exit);
        Assert.Contains(": finished;", status.Out, StringComparison.Ordinal);
        using var was = JsonDocument.Parse(before);
        using var now = JsonDocument.Parse(after);
        var (wasProfile, nowProfile) = (was.RootElement.GetProperty("profile"), now.RootElement.GetProperty("profile"));
        Assert.Equal(wasProfile.GetProperty("profileId").GetString(), nowProfile.GetProperty("profileId").GetString());
        Assert.Equal(wasProfile.GetProperty("aggregates").GetRawText(), nowProfile.GetProperty("aggregates").GetRawText());
    }

    [Fact]
    public async Task ProfilesRestitch_OfATenantNeverRestitched_StatusFailsWithOneLine()
    {
        var tenant = await NewTenantAsync();

        var (exit, _, error) = await CliAsync("profiles", "restitch", "--tenant", tenant.Value, "--status");

        Assert.NotEqual(0, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("marketing.no_restitch", error, StringComparison.Ordinal);
    }
}

public sealed class ProfilesCommandSqliteTests() : ProfilesCommandTests(DatabaseProvider.Sqlite);

public sealed class ProfilesCommandPostgresTests() : ProfilesCommandTests(DatabaseProvider.Postgres);
