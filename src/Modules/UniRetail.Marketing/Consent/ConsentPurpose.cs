using UniRetail.Kernel;

namespace UniRetail.Marketing.Consent;

/// <summary>What a person's data may be used for; each is consented to (or not) separately.</summary>
internal enum ConsentPurpose
{
    /// <summary>Counting and analysing behaviour: the timeline and the aggregates.</summary>
    Analytics,
    /// <summary>Tailoring what the person sees: traits used for recommendations and content.</summary>
    Personalisation,
    /// <summary>Contacting the person: campaigns, audiences, ads.</summary>
    Marketing,
    /// <summary>Sharing the person's data with the tenant's partners (a shop's platform: Ling Shou Tong's "customers with their consent").</summary>
    Sharing,
}

internal static class ConsentPurposes
{
    public static readonly IReadOnlyList<ConsentPurpose> All = Enum.GetValues<ConsentPurpose>();

    public static string ToName(ConsentPurpose purpose) => purpose.ToString().ToLowerInvariant();

    /// <summary>
    /// With no recorded choice: analytics and personalisation are allowed (legitimate interest, and the person can object),
    /// marketing contact and sharing with partners are not (each needs an opt-in).
    /// </summary>
    public static bool DefaultFor(ConsentPurpose purpose) => purpose is ConsentPurpose.Analytics or ConsentPurpose.Personalisation;

    public static Result<ConsentPurpose> Parse(string? name, string field = "purpose") => name?.Trim().ToLowerInvariant() switch
    {
        "analytics" => ConsentPurpose.Analytics,
        "personalisation" or "personalization" => ConsentPurpose.Personalisation,
        "marketing" => ConsentPurpose.Marketing,
        "sharing" => ConsentPurpose.Sharing,
        _ => Error.Validation("marketing.bad_purpose", $"'{name}' is not a consent purpose (analytics, personalisation, marketing, sharing).", field),
    };

    /// <summary>
    /// Maps a consent manager's category name (Segment's <c>context.consent.categoryPreferences</c> keys, OneTrust-style
    /// names) onto a purpose; null when the category is not one UniRetail uses.
    /// </summary>
    public static ConsentPurpose? FromCategory(string category)
    {
        var name = category.ToLowerInvariant();
        if (name.Contains("analytic", StringComparison.Ordinal) || name.Contains("performance", StringComparison.Ordinal) || name.Contains("statistic", StringComparison.Ordinal))
            return ConsentPurpose.Analytics;
        if (name.Contains("personali", StringComparison.Ordinal) || name.Contains("functional", StringComparison.Ordinal))
            return ConsentPurpose.Personalisation;
        if (name.Contains("marketing", StringComparison.Ordinal) || name.Contains("advertis", StringComparison.Ordinal) || name.Contains("targeting", StringComparison.Ordinal))
            return ConsentPurpose.Marketing;
        if (name.Contains("sharing", StringComparison.Ordinal) || name.Contains("third", StringComparison.Ordinal) || name.Contains("partner", StringComparison.Ordinal))
            return ConsentPurpose.Sharing;
        return null;
    }
}
