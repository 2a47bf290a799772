namespace UniRetail.Data;

/// <summary>
/// A write met lock conflicts on every attempt and gave up. Nothing it did was committed, so the caller may send the
/// same request again; the HTTP host answers 503 with Retry-After.
/// </summary>
public sealed class WriteContentionException(int attempts)
    : Exception($"The write met lock conflicts on all {attempts} attempts; nothing was written. Try again.")
{
    public int Attempts { get; } = attempts;
}
