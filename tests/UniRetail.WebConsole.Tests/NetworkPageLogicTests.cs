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

    [Fact]
    public void APickupPointsTermsReadOpeningHoursOneADayAndRefuseANonNumberAtItsField()
    {
        var point = NetworkForms.PickupPoint(" 12 Parkway ", "51.54", "-0.14", "", "monday 07:00-22:00\nSunday: 10:00-16:00\n", "20", "0.40", "").Value!;
        Assert.Equal(("12 Parkway", 51.54, -0.14, (string?)null, 20, 0.40m, (int?)null), (point.Address, point.Latitude!.Value, point.Longitude!.Value, point.TimeZone, point.ParcelCapacity!.Value, point.FeePerParcel!.Value, point.HoldDays));
        Assert.Equal(["monday=07:00-22:00", "sunday=10:00-16:00"], point.OpeningHours!.Select(h => $"{h.Key}={h.Value}").Order(StringComparer.Ordinal));
        Assert.Null(NetworkForms.PickupPoint("x", "1", "1", null, " ", null, null, null).Value!.OpeningHours);
        Assert.Equal("parcelCapacity", NetworkForms.PickupPoint("x", "1", "1", null, null, "many", "0.40", null).Error!.Field);
        Assert.Equal("latitude", NetworkForms.PickupPoint("x", "north", "1", null, null, "5", "0.40", null).Error!.Field);
        Assert.Equal(("console.bad_opening_hours", "openingHours"), (NetworkForms.PickupPoint("x", "1", "1", null, "monday", "5", null, null).Error!.Code,
            NetworkForms.PickupPoint("x", "1", "1", null, "monday", "5", null, null).Error!.Field));
    }
}
