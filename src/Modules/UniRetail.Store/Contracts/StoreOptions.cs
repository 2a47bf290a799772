namespace UniRetail.Store.Contracts;

/// <summary>The store module's settings (<c>UniRetail:Store</c> in the server's configuration).</summary>
public sealed record StoreOptions
{
    /// <summary>The shortest and longest life a member code may be given.</summary>
    public static readonly TimeSpan MinMemberCodeLifetime = TimeSpan.FromSeconds(10), MaxMemberCodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long a member code may be scanned after it is issued: 60 seconds unless configured (10 s to 10 min).</summary>
    public TimeSpan MemberCodeLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Fails on a lifetime outside <see cref="MinMemberCodeLifetime"/>..<see cref="MaxMemberCodeLifetime"/>.</summary>
    public StoreOptions Validated() =>
        MemberCodeLifetime >= MinMemberCodeLifetime && MemberCodeLifetime <= MaxMemberCodeLifetime
            ? this
            : throw new ArgumentException($"A member code lives 10 to 600 seconds, not {MemberCodeLifetime.TotalSeconds} s.");
}
