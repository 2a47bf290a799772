namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>Where a person stands with the brand or a category on a day; higher is closer. Outside means no stage.</summary>
internal enum AiplStage
{
    Outside = 0,
    Aware = 1,
    Interested = 2,
    Purchased = 3,
    Loyal = 4,
}

/// <summary>What a person did on a day, as the bits stored in <c>marketing_aipl_day.kinds</c>.</summary>
[Flags]
internal enum AiplKinds
{
    None = 0,
    Exposure = 1,
    Engagement = 2,
    Purchase = 4,
    LoyaltySignal = 8,
}

internal static class AiplStages
{
    public static readonly IReadOnlyList<AiplStage> Counted = [AiplStage.Aware, AiplStage.Interested, AiplStage.Purchased, AiplStage.Loyal];

    public static string ToName(AiplStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>The brand as a whole: every event counts for it. Stored as this category.</summary>
    public const string Brand = "*";

    /// <summary>The category as the API names it: "brand" for the whole brand.</summary>
    public static string ToApi(string category) => category == Brand ? "brand" : category;

    /// <summary>UTC days since 1970-01-01: the unit the windows count in.</summary>
    public static int DayOf(long timestampMs) => (int)Math.Floor(timestampMs / 86_400_000d);

    public static int DayOf(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    public static DateOnly DateOf(int day) => Epoch.AddDays(day);

    private static readonly DateOnly Epoch = new(1970, 1, 1);
}
