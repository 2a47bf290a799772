namespace UniRetail.Inventory.Domain;

/// <summary>What a ledger entry records, with the deltas each kind may carry.</summary>
internal static class LedgerKind
{
    public const string Receipt = "receipt";
    public const string Sale = "sale";
    public const string Reservation = "reservation";
    public const string Release = "release";
    public const string TransferOut = "transfer_out";
    public const string TransferIn = "transfer_in";
    public const string Adjustment = "adjustment";
    public const string Return = "return";
    public const string ReturnDamaged = "return_damaged";
    public const string CountVariance = "count_variance";
}

/// <summary>One ledger entry before it is written.</summary>
internal sealed record LedgerEntry(string Kind, string Sku, string Location, long OnHandDelta, long ReservedDelta, long DamagedDelta, string? Reference, string? Reason);
