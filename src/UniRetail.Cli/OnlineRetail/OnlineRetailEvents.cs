using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using UniRetail.Kernel;
using UniRetail.Marketing.Ingest;

namespace UniRetail.Cli.OnlineRetail;

/// <summary>
/// The data set as Segment spec messages: an <c>identify</c> per customer, an <c>Order Completed</c> per invoice and an
/// <c>Order Refunded</c> per cancellation ('C' invoice). Message ids come from the customer and invoice numbers, so a
/// repeated import is deduped by the event store.
/// </summary>
internal static class OnlineRetailEvents
{
    public const string Currency = "GBP";

    // The JSON goes to the event parser and is stored as JSON, never into HTML: descriptions keep their '&' and apostrophes
    // as written instead of six-byte escapes, which also leaves more of the 32 KB event limit for products.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string CustomerMessageId(string customerId) => $"online-retail:customer:{customerId}";

    public static string InvoiceMessageId(string invoice) => $"online-retail:invoice:{invoice}";

    /// <summary>The anonymous id of an invoice without a customer: one shopper per invoice, as far as the data tells.</summary>
    public static string VisitorId(string invoice) => $"online-retail:visitor:{invoice}";

    /// <summary>
    /// A time of the file in UK local time. None of the data set's lines falls in a clock change; were one to, an hour
    /// that happens twice reads as the first (BST), and an hour that is skipped reads as GMT.
    /// </summary>
    public static DateTimeOffset InLondon(DateTime local)
    {
        var offset = London.IsAmbiguousTime(local) ? London.GetAmbiguousTimeOffsets(local).Max() : London.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    public static byte[] Identify(RetailCustomer customer, MemberId member)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Message(w =>
        {
            w.WriteString("type", "identify");
            w.WriteString("messageId", CustomerMessageId(customer.CustomerId));
            w.WriteString("userId", customer.CustomerId);
            w.WriteString("timestamp", Timestamp(customer.FirstSeen));
            w.WriteStartObject("traits");
            w.WriteString("member_id", member.Value);
            w.WriteString("country", customer.Country);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// The invoice's track message and how many of its product lines were left out of <c>products</c>: an event is at most
    /// 32 KB (the API's limit, which this import keeps), and the data set's largest invoices list over a thousand lines.
    /// The amounts always count every line.
    /// </summary>
    public static (byte[] Message, int ProductsOmitted) Order(RetailInvoice invoice, MemberId? member)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var products = invoice.Items.Select(Product).ToList();
        var message = Order(invoice, member, products, 0);
        if (message.Length <= SegmentMessage.MaxEventBytes)
            return (message, 0);
        var room = SegmentMessage.MaxEventBytes - Order(invoice, member, [], products.Count).Length;
        var kept = 0;
        for (var used = 0; kept < products.Count && used + products[kept].Length + 1 <= room; kept++)
            used += products[kept].Length + 1;
        return (Order(invoice, member, products[..kept], products.Count - kept), products.Count - kept);
    }

    private static byte[] Order(RetailInvoice invoice, MemberId? member, List<byte[]> products, int omitted) => Message(w =>
    {
        w.WriteString("type", "track");
        w.WriteString("event", invoice.IsCancellation ? "Order Refunded" : "Order Completed");
        w.WriteString("messageId", InvoiceMessageId(invoice.Number));
        if (invoice.CustomerId is { } customer)
            w.WriteString("userId", customer);
        else
            w.WriteString("anonymousId", VisitorId(invoice.Number));
        w.WriteString("timestamp", Timestamp(invoice.Date));
        w.WriteStartObject("properties");
        w.WriteString("order_id", invoice.Number);
        w.WriteNumber("total", invoice.Amount);
        if (!invoice.IsCancellation)
            w.WriteNumber("revenue", invoice.Amount);
        w.WriteString("currency", Currency);
        if (member is { } id)
            w.WriteString("member_id", id.Value);
        w.WriteStartArray("products");
        foreach (var product in products)
            w.WriteRawValue(product, skipInputValidation: true);
        w.WriteEndArray();
        if (omitted > 0)
            w.WriteNumber("products_omitted", omitted);
        w.WriteEndObject();
    });

    /// <summary>A product line; a cancelled line's quantity is written as the positive number of units returned.</summary>
    private static byte[] Product(InvoiceItem item) => Message(w =>
    {
        w.WriteString("product_id", item.StockCode);
        w.WriteString("sku", item.StockCode);
        w.WriteString("name", item.Description);
        w.WriteNumber("price", item.UnitPrice);
        w.WriteNumber("quantity", Math.Abs(item.Quantity));
    });

    private static string Timestamp(DateTime local) => InLondon(local).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static byte[] Message(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
