using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Sources;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary><c>uniretail source …</c> as an operator runs it: a tenant named by id or name, keys created, rotated and revoked.</summary>
public abstract class SourceCommandTests(DatabaseProvider provider) : ImportTest(provider)
{
    [Fact]
    public async Task SourceCreate_ByTheTenantsUniqueName_PrintsAWriteKeyThatRotateAndRevokeThenManage()
    {
        var tenant = await NewTenantAsync("Notting Hill Provisions");

        var created = await CliAsync("source", "create", "notting hill provisions", "web", "--name", "Web shop");

        Assert.True(created.Exit == 0, created.Error);
        var sourceId = created.Out.Split(' ', '\n').First(w => w.StartsWith("src_", StringComparison.Ordinal));
        var firstKey = created.Out.Split(' ', '\n').First(w => w.StartsWith("wk_", StringComparison.Ordinal));
        var rotated = await CliAsync("source", "rotate-key", tenant.Value, sourceId, "--overlap-minutes", "0");
        Assert.True(rotated.Exit == 0, rotated.Error);
        Assert.Contains(firstKey[..19], rotated.Out, StringComparison.Ordinal);
        var listed = await Get<ManageSources>().ListAsync(Caller.AdminOf(tenant), PageQuery.First, Ct);
        var keys = Assert.Single(listed.Items).WriteKeys;
        Assert.Equal([false, true], keys.OrderBy(k => k.Live).Select(k => k.Live));
        var liveKey = keys.Single(k => k.Live).KeyId;
        var revoked = await CliAsync("source", "revoke-key", tenant.Value, sourceId, liveKey);
        Assert.True(revoked.Exit == 0, revoked.Error);
        Assert.All((await Get<ManageSources>().ListAsync(Caller.AdminOf(tenant), PageQuery.First, Ct)).Items.Single().WriteKeys, k => Assert.False(k.Live));
    }

    [Fact]
    public async Task SourceCreate_ForANameTwoTenantsShareOrNoneHas_FailsWithOneLineAndCreatesNothing()
    {
        var first = await NewTenantAsync("Camden Goods");
        var second = await NewTenantAsync("Camden Goods");

        var shared = await CliAsync("source", "create", "Camden Goods", "web");
        var unknown = await CliAsync("source", "create", "Nowhere Stores", "web");

        Assert.NotEqual(0, shared.Exit);
        Assert.Contains("identity.ambiguous_tenant", shared.Error, StringComparison.Ordinal);
        Assert.Contains(first.Value, shared.Error, StringComparison.Ordinal);
        Assert.Contains(second.Value, shared.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("identity.unknown_tenant", unknown.Error, StringComparison.Ordinal);
        Assert.Single(unknown.Error.Trim().Split('\n'));
        Assert.Empty((await Get<ManageSources>().ListAsync(Caller.AdminOf(first), PageQuery.First, Ct)).Items);
    }
}

public sealed class SourceCommandSqliteTests() : SourceCommandTests(DatabaseProvider.Sqlite);

public sealed class SourceCommandPostgresTests() : SourceCommandTests(DatabaseProvider.Postgres);
