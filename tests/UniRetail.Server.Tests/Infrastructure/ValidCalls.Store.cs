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
    }
}
