using System.Text.Json;

namespace UniRetail.Server.Tests.Infrastructure;

// The API's JSON bodies as the tests read them: written here, not borrowed from the server, so a renamed field fails a test.

public sealed record Problem(int Status, string? Title, string? Detail, string? Code, string? Field, string? TraceId);

public sealed record Location(string Id, string Code, string Name, string Kind);

public sealed record Money(decimal Amount, string Currency);

public sealed record OrderLine(int LineNo, string Sku, int Quantity, Money UnitPrice, int ReturnedQuantity);

public sealed record OrderAllocation(int LineNo, string LocationId, int Quantity);

public sealed record OrderReturn(string ReturnId, int LineNo, int Quantity, string LocationId, string Condition, Money Refund);

public sealed record Order(
    string Id, string Channel, string Fulfilment, string Status, string? MemberId, string? StoreId, Money Total, Money Refunded,
    IReadOnlyList<OrderLine> Lines, IReadOnlyList<OrderAllocation> Allocations, JsonElement Routing, string? CancelReason,
    IReadOnlyList<OrderReturn>? Returns)
{
    public string RoutingRule => Routing.GetProperty("rule").GetString()!;

    public string RoutingSummary => Routing.GetProperty("summary").GetString()!;

    /// <summary>Why the routing did not use a location, as the explanation stored with the order says.</summary>
    public string? WhyNot(Location location) =>
        Routing.GetProperty("candidates").EnumerateArray()
            .Single(c => c.GetProperty("locationId").GetString() == location.Id)
            .TryGetProperty("whyNot", out var why) ? why.GetString() : null;
}

public sealed record OrderSummary(string Id, string Status, string? MemberId);

public sealed record LocationAtp(string LocationId, string Code, long Available, long Shelf);

public sealed record Atp(string Sku, long NetworkAvailable, IReadOnlyList<LocationAtp> Locations);

public sealed record StockLevel(string Sku, string LocationId, long OnHand, long Reserved, long SafetyStock, long Damaged, long Available);

public sealed record LedgerCheck(bool Consistent, long LevelsChecked);

public sealed record HoldLine(string Sku, string LocationId, int Quantity);

public sealed record Hold(string Reference, string Status, DateTimeOffset? ExpiresAt, IReadOnlyList<HoldLine> Lines);

public sealed record LedgerEntry(string Sku, string LocationId, string Kind, long OnHandDelta, long ReservedDelta, long DamagedDelta, string? Reference);

public sealed record ReceiptLine(int LineNo, string Sku, int Quantity);

/// <summary>A page of any list: its items and the cursor of the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

public sealed record Receipt(string Id, string LocationId, string? Reference, IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<LedgerEntry> Entries);

public sealed record ApiKey(string KeyId, string Role, string? StoreId, string Token);

public sealed record Member(string Id, string? DisplayName, string Status);
