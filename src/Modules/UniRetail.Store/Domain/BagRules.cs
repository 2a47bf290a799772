namespace UniRetail.Store.Domain;

/// <summary>The limits of a scan-to-bag bag and of what a scan answers.</summary>
internal static class BagRules
{
    /// <summary>A bag can be scanned into and checked out for four hours after it was started.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    /// <summary>Distinct SKUs in one bag (the order limit, so a bag always checks out as one order).</summary>
    public const int MaxLines = 100;

    /// <summary>Complements a scan answers.</summary>
    public const int Suggestions = 3;

    /// <summary>How far ahead a scan looks for a promotion that starts applying to the bag, probed once an hour.</summary>
    public const int ReminderHours = 3;

    /// <summary>The longest Idempotency-Key.</summary>
    public const int MaxKeyLength = 200;

    public const string Open = "open";
    public const string CheckedOut = "checked_out";
    public const string Expired = "expired";
    public const string ByMemberCode = "member_code";
    public const string ByApp = "app";
}
