namespace UniRetail.Store.Contracts;

/// <summary>The store module's settings (<c>UniRetail:Store</c> in the server's configuration).</summary>
public sealed record StoreOptions
{
    /// <summary>The shortest and longest life a member code may be given.</summary>
    public static readonly TimeSpan MinMemberCodeLifetime = TimeSpan.FromSeconds(10), MaxMemberCodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long a member code may be scanned after it is issued: 60 seconds unless configured (10 s to 10 min).</summary>
    public TimeSpan MemberCodeLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How old an order must be before complements count it: the learner reads orders by placing time, and an order placed a
    /// moment ago may still be committing behind one placed after it. One minute unless configured (0 to 1 hour).
    /// </summary>
    public TimeSpan ComplementSettleTime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Fails on a member code lifetime outside <see cref="MinMemberCodeLifetime"/>..<see cref="MaxMemberCodeLifetime"/> or a settle time outside 0..1 hour.</summary>
    public StoreOptions Validated()
    {
        if (MemberCodeLifetime < MinMemberCodeLifetime || MemberCodeLifetime > MaxMemberCodeLifetime)
            throw new ArgumentException($"A member code lives 10 to 600 seconds, not {MemberCodeLifetime.TotalSeconds} s.");
        if (ComplementSettleTime < TimeSpan.Zero || ComplementSettleTime > TimeSpan.FromHours(1))
            throw new ArgumentException($"Orders settle for complements 0 to 3,600 seconds, not {ComplementSettleTime.TotalSeconds} s.");
        return this;
    }
}
