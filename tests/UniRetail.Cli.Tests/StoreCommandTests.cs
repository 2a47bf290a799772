using System.Text.Json;
using System.Text.RegularExpressions;
using UniRetail.Data;
using UniRetail.Identity.Locations;
using UniRetail.Kernel;
using UniRetail.Members.Registration;
using Xunit;

namespace UniRetail.Cli.Tests;

/// <summary><c>uniretail store member-code …</c> and <c>uniretail till …</c>: a code issued and scanned once, a till from float to Z.</summary>
public abstract partial class StoreCommandTests(DatabaseProvider provider) : ImportTest(provider)
{
    [GeneratedRegex("till_[0-9a-f]{32}")]
    private static partial Regex SessionId();

    private async Task<(TenantId Tenant, string Member)> AShopAsync()
    {
        var tenant = await NewTenantAsync("Covent Garden Goods");
        var saved = await Get<SaveLocation>().CreateAsync(Caller.AdminOf(tenant),
            new LocationRequest("ST-COVENT", "Covent Garden", "store", "London", 51.5129, -0.1243, "Europe/London", null, true, true, 3, null), Ct);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        var member = await Get<RegisterMember>().HandleAsync(Caller.AdminOf(tenant), new RegisterMemberRequest("Ann Lee", []), Ct);
        return (tenant, member.Value.Id);
    }

    [Fact]
    public async Task MemberCodeIssue_WritesTheQrPngAndTheCodeScansOnceAtTheStore()
    {
        var (_, member) = await AShopAsync();
        var png = Path.Combine(Path.GetTempPath(), $"code-{Guid.NewGuid():N}.png");

        var issued = await CliAsync("store", "member-code", "issue", member, "--wallet", "--png", png, "--tenant", "Covent Garden Goods");
        Assert.True(issued.Exit == 0, issued.Error);
        var code = JsonDocument.Parse(issued.Out).RootElement.GetProperty("code").GetString()!;
        var first = await CliAsync("store", "member-code", "scan", "st-covent", code, "--tenant", "Covent Garden Goods");
        var second = await CliAsync("store", "member-code", "scan", "ST-COVENT", code, "--tenant", "Covent Garden Goods");
        var unknownStore = await CliAsync("store", "member-code", "scan", "ST-NOWHERE", code, "--tenant", "Covent Garden Goods");

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png, Ct))[..4]);
        Assert.True(first.Exit == 0, first.Error);
        Assert.Equal(member, JsonDocument.Parse(first.Out).RootElement.GetProperty("memberId").GetString());
        Assert.True(JsonDocument.Parse(first.Out).RootElement.GetProperty("walletPayment").GetBoolean());
        Assert.Equal(2, second.Exit);
        Assert.Contains("store.member_code_used (code)", second.Error, StringComparison.Ordinal);
        Assert.Contains("store.unknown_store (store)", unknownStore.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TillOpenCashReportClose_RunsASessionToItsZReport()
    {
        await AShopAsync();

        var opened = await CliAsync("till", "open", "ST-COVENT", "T1", "--float", "150.00", "--tenant", "Covent Garden Goods");
        Assert.True(opened.Exit == 0, opened.Error);
        var session = SessionId().Match(opened.Out).Value;
        var again = await CliAsync("till", "open", "ST-COVENT", "T1", "--float", "10", "--tenant", "Covent Garden Goods");
        var dropped = await CliAsync("till", "cash", "ST-COVENT", session, "out", "100", "--reason", "safe drop", "--tenant", "Covent Garden Goods");
        var x = await CliAsync("till", "report", "ST-COVENT", "T1", "--tenant", "Covent Garden Goods");
        var closed = await CliAsync("till", "close", "ST-COVENT", session, "--counted", "49.00", "--tenant", "Covent Garden Goods");
        var z = await CliAsync("till", "report", "ST-COVENT", session, "--tenant", "Covent Garden Goods");

        Assert.Contains("store.till_already_open (tillId)", again.Error, StringComparison.Ordinal);
        Assert.True(dropped.Exit == 0, dropped.Error);
        Assert.Contains("X report", x.Out, StringComparison.Ordinal);
        Assert.Contains("expected cash 50.00 GBP", x.Out, StringComparison.Ordinal);
        Assert.True(closed.Exit == 0, closed.Error);
        Assert.Contains("Z report", z.Out, StringComparison.Ordinal);
        Assert.Contains("counted 49.00 GBP  over/short -1.00 GBP", z.Out, StringComparison.Ordinal);
    }
}

public sealed class StoreCommandSqliteTests() : StoreCommandTests(DatabaseProvider.Sqlite);

public sealed class StoreCommandPostgresTests() : StoreCommandTests(DatabaseProvider.Postgres);
