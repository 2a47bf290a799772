namespace UniRetail.Kernel;

/// <summary>Makes new identifiers: a short type prefix and a time-ordered UUIDv7, so ids sort by creation and say what they name.</summary>
public static class NewId
{
    /// <summary>A new id such as <c>ord_0193a5c2e7b87c3a9f0e4b1d2c3a4b5c</c>.</summary>
    public static string With(string prefix) => $"{prefix}_{Guid.CreateVersion7():N}";
}

/// <summary>A tenant: one brand or retailer on the platform.</summary>
public readonly record struct TenantId(string Value)
{
    /// <summary>A new tenant id.</summary>
    public static TenantId New() => new(NewId.With("ten"));

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A warehouse, store or partner shop of a tenant.</summary>
public readonly record struct LocationId(string Value)
{
    /// <summary>A new location id.</summary>
    public static LocationId New() => new(NewId.With("loc"));

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A member: one person across channels.</summary>
public readonly record struct MemberId(string Value)
{
    /// <summary>A new member id.</summary>
    public static MemberId New() => new(NewId.With("mem"));

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>An order from any channel.</summary>
public readonly record struct OrderId(string Value)
{
    /// <summary>A new order id.</summary>
    public static OrderId New() => new(NewId.With("ord"));

    /// <inheritdoc />
    public override string ToString() => Value;
}
