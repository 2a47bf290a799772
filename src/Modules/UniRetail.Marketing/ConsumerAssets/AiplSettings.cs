namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>Whether the profile projector keeps AIPL (on; the bench turns it off to measure what it costs).</summary>
internal sealed class AiplSettings
{
    public bool Enabled { get; set; } = true;
}
