using UniRetail.WebConsole.Pages.Network;
using Xunit;

namespace UniRetail.WebConsole.Tests;

/// <summary>The network pages' forms read as the Network module's requests, a bad number refused at the field the API names.</summary>
public sealed class NetworkPageLogicTests
{
    [Fact]
    public void TierPricesAreReadOneALineAndABadOneIsRefusedAtItsTierField()
    {
        Assert.Null(NetworkForms.Tiers("  \n ").Value);
        var tiers = NetworkForms.Tiers("20 9.00\n50: 8.50\n").Value!;
        Assert.Equal([(20, 9.00m), (50, 8.50m)], tiers.Select(t => (t.FromCases!.Value, t.CasePrice!.Value)));
        Assert.Equal(("console.bad_amount", "tiers[1].casePrice"), (NetworkForms.Tiers("20 9.00\n50 cheap").Error!.Code, NetworkForms.Tiers("20 9.00\n50 cheap").Error!.Field));
        Assert.Equal("tiers[0].fromCases", NetworkForms.Tiers("twenty 9.00").Error!.Field);
        Assert.Equal(("console.bad_tier", "tiers[0]"), (NetworkForms.Tiers("20").Error!.Code, NetworkForms.Tiers("20").Error!.Field));
    }

    [Fact]
    public void AReceiptTakesEmptyAsTheDefaultAndRefusesANonNumberAtItsLine()
    {
        var receipt = NetworkForms.Receipt([(1, "46", "2"), (2, "", null)]).Value;
        Assert.Equal([(1, (int?)46, (int?)2), (2, null, null)], receipt.Lines!.Select(l => (l.LineNo!.Value, l.Received, l.Damaged)));
        var bad = NetworkForms.Receipt([(1, "46", "2"), (2, "lots", null)]).Error!;
        Assert.Equal(("console.bad_number", "lines[1].received"), (bad.Code, bad.Field));
    }
}
