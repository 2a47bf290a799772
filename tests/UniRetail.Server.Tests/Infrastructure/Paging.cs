using System.Net;
using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

public static class Paging
{
    /// <summary>Every item of a list, page by page through its <c>next</c> cursors (as any client reads a long list).</summary>
    public static async Task<IReadOnlyList<T>> AllPagesAsync<T>(this HttpClient client, string path, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var url = $"{path}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)).ShouldBeAsync<Page<T>>(HttpStatusCode.OK);
            items.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return items;
    }
}
