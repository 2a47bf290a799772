using System.Text.Json;
using UniRetail.Cli.OnlineRetail;
using UniRetail.Kernel;
using UniRetail.Marketing.Ingest;
using Xunit;

namespace UniRetail.Cli.Tests;

public sealed class OnlineRetailEventsTests
{
    [Fact]
    public void InLondon_SummerTime_IsAnHourAheadOfUtc() =>
        Assert.Equal(new DateTimeOffset(2011, 6, 15, 7, 34, 0, TimeSpan.Zero), OnlineRetailEvents.InLondon(new DateTime(2011, 6, 15, 8, 34, 0)));

    [Fact]
    public void InLondon_HourThatHappensTwice_IsTheFirst() =>
        Assert.Equal(TimeSpan.FromHours(1), OnlineRetailEvents.InLondon(new DateTime(2011, 10, 30, 1, 30, 0)).Offset);

    [Fact]
    public void Order_MoreLinesThanAnEventHolds_KeepsTheFirstAndCountsTheRest()
    {
        var invoice = new RetailInvoice("573585", "17850", new DateTime(2011, 10, 31, 14, 41, 0));
        for (var i = 0; i < 1_000; i++)
            invoice.Items.Add(new InvoiceItem($"SKU{i:D5}", "SET OF 3 CAKE TINS PANTRY DESIGN", 2, 4.95m));

        var (message, omitted) = OnlineRetailEvents.Order(invoice, MemberId.New());

        using var json = JsonDocument.Parse(message);
        var properties = json.RootElement.GetProperty("properties");
        Assert.InRange(message.Length, SegmentMessage.MaxEventBytes - 200, SegmentMessage.MaxEventBytes);
        Assert.Equal(1_000, properties.GetProperty("products").GetArrayLength() + omitted);
        Assert.Equal(omitted, properties.GetProperty("products_omitted").GetInt32());
        Assert.Equal(9_900m, properties.GetProperty("revenue").GetDecimal());
    }
}
