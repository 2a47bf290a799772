using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.Checkout;

/// <summary>A receipt a store's tills gave, by the till's own id for the sale or return.</summary>
internal sealed class TillReceipts(Database database, StoreLocations stores, ReceiptStore receipts)
{
    public async Task<Result<CheckoutAnswer>> GetAsync(Caller caller, LocationId store, string receiptId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var at = await stores.EnsureStoreAsync(caller, store, ct);
        if (!at.IsSuccess)
            return at.Error;
        var stored = TillReceiptIds.IsValid(receiptId) ? await database.ReadAsync(c => receipts.FindAsync(c, caller.Tenant, store, receiptId), ct) : null;
        return stored is null
            ? StoreErrors.UnknownReceipt(receiptId, "receiptId")
            : new CheckoutAnswer(ReceiptView.FromJson(stored.ReceiptJson), at.Value.Name, false);
    }
}
