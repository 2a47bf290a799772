using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Access;

/// <summary>
/// Every key of one tenant — admin, integration, marketer, store staff of either store, and its write key on the event
/// API — sends every operation of the OpenAPI document as another tenant's admin would send it, that tenant's ids in the
/// path and the body. Nothing of the other tenant is read (none of its ids or names in any answer), a change naming its
/// ids is refused (403 or 404), and nothing of it changes.
/// </summary>
public abstract partial class TenantIsolationMatrixTests(ServerFixture server) : ServerTests(server)
{
    /// <summary>An id the server made: <c>ord_</c> and 32 hex digits, or an API or write key's <c>key_</c> or <c>wk_</c> and 16.</summary>
    [GeneratedRegex("\\b(?:[a-z]{2,5}_[0-9a-f]{32}|(?:key|wk)_[0-9a-f]{16})\\b")]
    private static partial Regex ServerId();

    [Fact]
    public async Task NoKeyOfOneTenantReadsOrChangesAnythingOfAnother()
    {
        var ours = await SeededTenant.CreateAsync(Server.Factory, "Camden Goods");
        var theirs = await SeededTenant.CreateAsync(Server.Factory, "Brixton Bazaar");
        var document = await ApiDocument.ReadAsync(Server.Factory.CreateClient());
        var theirRequests = await RequestsForEveryOperationAsync(document, theirs);
        var before = await TenantState.SettledAsync(theirs);
        var theirMarkers = theirs.Markers.Concat(IdsIn(string.Join("\n", before.Concat(theirRequests.Select(Text))))).ToHashSet();
        var wrong = new List<string>();

        foreach (var token in new[] { ours.Retailer.AdminToken, ours.Integration.Token, ours.Marketer.Token, ours.StaffA.Token, ours.StaffB.Token })
        {
            foreach (var request in theirRequests.Where(r => r.Authorization is null))
                wrong.AddRange(await LeaksAsync(request.WithBearer(token), theirMarkers));
        }
        // Last: once our bank holds events naming their people, our own reads would show those names.
        foreach (var request in theirRequests.Where(r => r.Authorization is not null))
            wrong.AddRange(await LeaksAsync(request.WithWriteKey(ours.Web.WriteKey!), theirMarkers));
        var after = await TenantState.SettledAsync(theirs);

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers let one tenant reach another's data:\n" + string.Join("\n", wrong));
        Assert.True(before.SequenceEqual(after), "The other tenant's data changed:\n" + TenantState.Changes(before, after));
    }

    [Fact]
    public async Task AnotherTenantsIdInsideAnOtherwiseValidRequestIsNeverResolved()
    {
        var ours = await SeededTenant.CreateAsync(Server.Factory, "Camden Goods");
        var theirs = await SeededTenant.CreateAsync(Server.Factory, "Brixton Bazaar");
        var document = await ApiDocument.ReadAsync(Server.Factory.CreateClient());
        var swapped = (await RequestsForEveryOperationAsync(document, ours)).Where(r => r.Authorization is null).SelectMany(r => OneIdSwapped(r, theirs))
            .DistinctBy(r => r.ToString()).ToList();
        var before = await TenantState.SettledAsync(theirs);
        var theirMarkers = theirs.Markers.Concat(IdsIn(string.Join("\n", before))).ToHashSet();
        var wrong = new List<string>();

        foreach (var token in new[] { ours.Retailer.AdminToken, ours.StaffA.Token })
        {
            foreach (var request in swapped)
                wrong.AddRange(await LeaksAsync(request.WithBearer(token), theirMarkers));
        }
        var after = await TenantState.SettledAsync(theirs);

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers resolved another tenant's id:\n" + string.Join("\n", wrong));
        Assert.True(before.SequenceEqual(after), "The other tenant's data changed:\n" + TenantState.Changes(before, after));
    }

    /// <summary>The request once for each id in it, that id replaced by the other tenant's id of the same kind.</summary>
    private static IEnumerable<ApiRequest> OneIdSwapped(ApiRequest request, SeededTenant theirs)
    {
        foreach (var id in IdsIn(Text(request)).Distinct())
        {
            if (theirs.IdLike(id) is not { } theirId)
                continue;
            var body = request.Body is null ? null : Encoding.UTF8.GetString(request.Body).Replace(id, theirId, StringComparison.Ordinal);
            yield return (body is null ? request : request.WithJsonText(body) with { ContentType = request.ContentType })
                with { Path = request.Path.Replace(id, theirId, StringComparison.Ordinal) };
        }
    }

    /// <summary>A request that succeeds for the tenant's admin for every operation, at each of its stores, each once.</summary>
    private static async Task<IReadOnlyList<ApiRequest>> RequestsForEveryOperationAsync(ApiDocument document, SeededTenant tenant)
    {
        var calls = new ValidCalls(tenant);
        var requests = new List<ApiRequest>();
        foreach (var operation in document.Operations.Where(o => o.IsApi || o.IsEventApi))
        {
            foreach (var store in new[] { tenant.StoreA, tenant.StoreB })
                requests.Add(await calls.ForAsync(operation, store));
        }
        return requests.DistinctBy(r => r.ToString()).ToList();
    }

    /// <summary>What an answer must not show: <paramref name="theirMarkers"/>, their ids and names, unless the request itself named them.</summary>
    private async Task<IEnumerable<string>> LeaksAsync(ApiRequest request, IReadOnlySet<string> theirMarkers)
    {
        using var client = Server.Factory.CreateClient();
        using var response = await client.SendAsync(request, Ct);
        var answer = await response.Content.ReadAsStringAsync(Ct);
        var sent = Text(request);
        var wrong = new List<string>();
        if ((int)response.StatusCode >= 500)
            wrong.Add("answered with a server error");
        if (request.Method != HttpMethod.Get && IdsIn(sent).Any() && response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
            wrong.Add("changes something of theirs and was not refused (403/404)");
        var shown = theirMarkers.Where(m => answer.Contains(m, StringComparison.Ordinal) && !sent.Contains(m, StringComparison.Ordinal)).ToList();
        if (shown.Count > 0)
            wrong.Add($"showed their {string.Join(", ", shown)}");
        return wrong.Select(w => $"{w}: {(int)response.StatusCode} {answer.Cut(600)}\n    {request}");
    }

    private static string Text(ApiRequest request) => Uri.UnescapeDataString(request.Path) + (request.Body is null ? "" : Encoding.UTF8.GetString(request.Body));

    private static IEnumerable<string> IdsIn(string text) => ServerId().Matches(text).Select(m => m.Value);
}

public sealed class TenantIsolationMatrixSqliteTests(UnlimitedSqliteServer server) : TenantIsolationMatrixTests(server), IClassFixture<UnlimitedSqliteServer>;

public sealed class TenantIsolationMatrixPostgresTests(UnlimitedPostgresServer server) : TenantIsolationMatrixTests(server), IClassFixture<UnlimitedPostgresServer>;
