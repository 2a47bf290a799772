namespace UniRetail.Loyalty.Domain;

/// <summary>The kinds of ledger entry, as stored and shown.</summary>
internal static class LedgerKinds
{
    /// <summary>Points straight to available (a visit, a bonus).</summary>
    public const string Earn = "earn";
    /// <summary>Points into pending until the return window closes.</summary>
    public const string Pend = "pend";
    /// <summary>Pending points become available.</summary>
    public const string Release = "release";
    /// <summary>Points paid for a basket.</summary>
    public const string Redeem = "redeem";
    /// <summary>A lot's unspent points at the end of its life.</summary>
    public const string Expire = "expire";
    /// <summary>A correction by staff, or a merge moving points between accounts.</summary>
    public const string Adjust = "adjust";
    /// <summary>A return: points clawed back from what a line earned, or redeemed points given back.</summary>
    public const string Reverse = "reverse";
    /// <summary>Stored value added (wallet top-up, gift card issued).</summary>
    public const string TopUp = "top_up";
    /// <summary>Stored value spent.</summary>
    public const string Pay = "pay";
    /// <summary>Stored value given back by a return.</summary>
    public const string Refund = "refund";
}
