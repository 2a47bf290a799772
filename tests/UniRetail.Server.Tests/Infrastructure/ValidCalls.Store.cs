using System.Net;
using System.Text.Json;

namespace UniRetail.Server.Tests.Infrastructure;

public sealed partial class ValidCalls
{
    private async Task<string> AMemberCodeAsync() =>
        (await T.SendOkAsync<JsonElement>(ApiRequest.Post($"/api/members/{T.Ann.Id}/member-code", new { wallet = false }), HttpStatusCode.Created))
            .GetProperty("code").GetString()!;

    /// <summary>A fresh till at <paramref name="store"/>, opened by the admin: its session id.</summary>
    private async Task<(string Till, string Session)> AnOpenTillAsync(Location store)
    {
        var till = $"T-{Fresh()}";
        var session = await T.SendOkAsync<JsonElement>(ApiRequest.Post($"/api/pos/{store.Id}/tills/{till}/sessions", new { @float = new { amount = 100.00m } }), HttpStatusCode.Created);
        return (till, session.GetProperty("id").GetString()!);
    }

    private void AddStore()
    {
        Add("Store.IssueMemberCode", _ => ApiRequest.Post($"/api/members/{T.Ann.Id}/member-code", new { wallet = true }));
        Add("Store.MemberCodeImage", async _ => ApiRequest.Get($"/api/members/{T.Ann.Id}/member-code/{await AMemberCodeAsync()}/qr.png"));
        Add("Store.ScanMemberCode", async store => ApiRequest.Post($"/api/pos/{store.Id}/member-code/scan", new { code = await AMemberCodeAsync() }));
        Add("Store.OpenTill", store => ApiRequest.Post($"/api/pos/{store.Id}/tills/T-{Fresh()}/sessions", new { @float = new { amount = 150.00m, currency = "GBP" } }));
        Add("Store.CurrentTillSession", async store => ApiRequest.Get($"/api/pos/{store.Id}/tills/{(await AnOpenTillAsync(store)).Till}/session"));
        Add("Store.GetTillSession", async store => ApiRequest.Get($"/api/pos/{store.Id}/till-sessions/{(await AnOpenTillAsync(store)).Session}"));
        Add("Store.MoveCash", async store => ApiRequest.Post($"/api/pos/{store.Id}/till-sessions/{(await AnOpenTillAsync(store)).Session}/cash-movements",
            new { kind = "out", amount = new { amount = 40.00m }, reason = "safe drop", reference = $"drop-{Fresh()}" }));
        Add("Store.CloseTill", async store => ApiRequest.Post($"/api/pos/{store.Id}/till-sessions/{(await AnOpenTillAsync(store)).Session}/close",
            new { counted = new { amount = 100.00m } }));
        Add("Store.Checkout", async store => ApiRequest.Post($"/api/pos/{store.Id}/checkout", ASale((await AnOpenTillAsync(store)).Session, $"S-{Fresh()}")));
        Add("Store.GetReceipt", async store => ApiRequest.Get($"/api/pos/{store.Id}/receipts/{await ASaleAsync(store)}"));
        Add("Store.TillReturn", async store => ApiRequest.Post($"/api/pos/{store.Id}/returns", new
        {
            sessionId = (await AnOpenTillAsync(store)).Session, returnId = $"R-{Fresh()}", receiptId = await ASaleAsync(store),
            lines = new[] { new { lineNo = 1, quantity = 1 } },
        }));
        Add("Store.ListDiscrepancies", store => ApiRequest.Get($"/api/pos/{store.Id}/discrepancies?limit=10"));
    }

    /// <summary>A till sale of one blue mug, paid in cash.</summary>
    private object ASale(string session, string saleId) => new
    {
        sessionId = session, saleId, lines = new[] { new { gtin = T.Gtin, quantity = 1 } }, payments = new[] { new { type = "cash", amount = new { amount = 20.00m } } },
    };

    /// <summary>A sale made at a fresh till of <paramref name="store"/> by the admin: its receipt id.</summary>
    private async Task<string> ASaleAsync(Location store)
    {
        var saleId = $"S-{Fresh()}";
        await T.SendOkAsync<JsonElement>(ApiRequest.Post($"/api/pos/{store.Id}/checkout", ASale((await AnOpenTillAsync(store)).Session, saleId)), HttpStatusCode.Created);
        return saleId;
    }
}
