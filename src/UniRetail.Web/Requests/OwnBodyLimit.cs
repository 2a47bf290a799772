namespace UniRetail.Web.Requests;

/// <summary>
/// Endpoint metadata: this endpoint reads its body itself, enforces its own (smaller) size limit and answers in its own
/// shape (the Segment-compatible event API answers <c>{"success": false, …}</c>), so the request guards leave the size
/// of its body to it.
/// </summary>
public sealed class OwnBodyLimit
{
    public static readonly OwnBodyLimit Instance = new();

    private OwnBodyLimit() { }
}
