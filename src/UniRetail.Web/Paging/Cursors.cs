using UniRetail.Data.Secrets;
using UniRetail.Kernel;

namespace UniRetail.Web.Paging;

/// <summary>
/// A page of a list as every list answers it: <c>{"items": […], "next": "…"}</c>; <c>next</c> is null on the last page,
/// otherwise the <c>cursor</c> that reads the following one.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// The one paging convention of every list: <c>limit</c> (1 to <see cref="PageQuery.MaxLimit"/>, default
/// <see cref="PageQuery.DefaultLimit"/>; anything else is a 400) and an opaque <c>cursor</c>. A cursor is the list's
/// position sealed with the server keyring and bound to the tenant and the list, so it tells nothing (not how many rows
/// other tenants wrote) and works nowhere else.
/// </summary>
public sealed class Cursors(ServerKeyring keyring)
{
    private const string Purpose = "cursor";

    /// <summary>Reads one page of <paramref name="list"/> through <paramref name="query"/>, from the caller's <paramref name="limit"/> and <paramref name="cursor"/>.</summary>
    public async Task<Result<Page<T>>> PageAsync<T>(Caller caller, string list, int? limit, string? cursor, Func<PageQuery, Task<Result<Slice<T>>>> query)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var page = Read(caller, list, limit, cursor);
        if (!page.IsSuccess)
            return page.Error;
        var slice = await query(page.Value);
        if (!slice.IsSuccess)
            return slice.Error;
        return new Page<T>(slice.Value.Items, slice.Value.NextAfter is { } after ? keyring.Seal(Purpose, after, Context(caller, list)) : null);
    }

    /// <summary>The same for a query that cannot fail.</summary>
    public Task<Result<Page<T>>> PageAsync<T>(Caller caller, string list, int? limit, string? cursor, Func<PageQuery, Task<Slice<T>>> query) =>
        PageAsync(caller, list, limit, cursor, async page => Result<Slice<T>>.Success(await query(page)));

    private Result<PageQuery> Read(Caller caller, string list, int? limit, string? cursor)
    {
        if (limit is < 1 or > PageQuery.MaxLimit)
            return Error.Validation("request.bad_limit", $"'limit' is between 1 and {PageQuery.MaxLimit}.", "limit");
        if (string.IsNullOrEmpty(cursor))
            return new PageQuery(limit ?? PageQuery.DefaultLimit, null);
        var after = keyring.Open(Purpose, cursor, Context(caller, list));
        return after is null
            ? Error.Validation("request.bad_cursor", "'cursor' is not a cursor this list gave out: pass the 'next' of the previous page as it is.", "cursor")
            : new PageQuery(limit ?? PageQuery.DefaultLimit, after);
    }

    private static string Context(Caller caller, string list) => $"{caller.Tenant.Value}\n{list}";
}
