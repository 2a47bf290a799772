using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Stitching;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary><c>uniretail identity …</c>: a store's tablet declared shared and taken off again, a bad type refused.</summary>
public abstract class IdentityCommandTests(DatabaseProvider provider) : ImportTest(provider)
{
    [Fact]
    public async Task IdentityShare_AStoreTablet_IsDeclaredSharedUntilUnshared()
    {
        var tenant = await NewTenantAsync("Hoxton Homeware");

        var shared = await CliAsync("identity", "share", tenant.Value, "device_id", "ipad-7");
        var shown = await CliAsync("identity", "rules", tenant.Value);

        Assert.True(shared.Exit == 0, shared.Error);
        Assert.Contains("device_id ipad-7", shown.Out, StringComparison.Ordinal);
        var rules = await Get<ManageIdentityRules>().GetAsync(Caller.AdminOf(tenant), Ct);
        Assert.Equal([("device_id", "ipad-7")], rules.Value.SharedIdentifiers.Select(s => (s.Type, s.Value)));
        var unshared = await CliAsync("identity", "unshare", tenant.Value, "device_id", "ipad-7");
        Assert.True(unshared.Exit == 0, unshared.Error);
        Assert.Empty((await Get<ManageIdentityRules>().GetAsync(Caller.AdminOf(tenant), Ct)).Value.SharedIdentifiers);
        var personal = await CliAsync("identity", "share", tenant.Value, "user_id", "u-1");
        Assert.NotEqual(0, personal.Exit);
        Assert.Contains("marketing.bad_identity_rule", personal.Error, StringComparison.Ordinal);
    }
}

public sealed class IdentityCommandSqliteTests() : IdentityCommandTests(DatabaseProvider.Sqlite);

public sealed class IdentityCommandPostgresTests() : IdentityCommandTests(DatabaseProvider.Postgres);
