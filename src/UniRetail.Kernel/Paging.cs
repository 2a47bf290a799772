namespace UniRetail.Kernel;

/// <summary>What a list query reads: at most <paramref name="Limit"/> items after <paramref name="After"/> (null: from the start), in the list's own order.</summary>
/// <param name="Limit">How many items, 1 to <see cref="PageQuery.MaxLimit"/>.</param>
/// <param name="After">The list's own position of the last item already read (a sort key such as an id); never shown to callers as it is.</param>
public readonly record struct PageQuery(int Limit, string? After)
{
    /// <summary>The items a page holds unless the caller asks for fewer.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The most items any list answers at once.</summary>
    public const int MaxLimit = 500;

    /// <summary>The first page of the default size.</summary>
    public static PageQuery First => new(DefaultLimit, null);

    /// <summary>How many rows to read: one more than the page shows tells whether another page follows, without counting.</summary>
    public int RowsToRead => Limit + 1;
}

/// <summary>One page of a list as a query read it: the items, and the position to read on from when more follow.</summary>
public sealed record Slice<T>(IReadOnlyList<T> Items, string? NextAfter)
{
    /// <summary>The page from <paramref name="rows"/> read with <see cref="PageQuery.RowsToRead"/>; <paramref name="positionOf"/> gives an item's position.</summary>
    public static Slice<T> Of(IReadOnlyList<T> rows, PageQuery page, Func<T, string> positionOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(positionOf);
        if (rows.Count <= page.Limit)
            return new Slice<T>(rows, null);
        var items = rows.Take(page.Limit).ToList();
        return new Slice<T>(items, positionOf(items[^1]));
    }

    /// <summary>
    /// The page of a short list already in memory (a tenant's keys or locations), whose items come in the ordinal order of
    /// their positions.
    /// </summary>
    public static Slice<T> From(IEnumerable<T> ordered, PageQuery page, Func<T, string> positionOf)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(positionOf);
        var after = ordered.Where(i => page.After is null || string.CompareOrdinal(positionOf(i), page.After) > 0);
        return Of(after.Take(page.RowsToRead).ToList(), page, positionOf);
    }

    /// <summary>The same page with its items turned into what the caller sees.</summary>
    public Slice<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), NextAfter);
}
