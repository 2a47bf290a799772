using System.Text.Json;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Privacy;

/// <summary>Whether an incoming event names an erased person: by its user id, anonymous id, or an e-mail in its traits.</summary>
internal static class ErasedIdentifiers
{
    public static bool Names(TrackedEvent e, Func<Identifier, bool> suppressed)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(suppressed);
        return Is(IdentifierType.UserId, e.UserId, suppressed) || Is(IdentifierType.AnonymousId, e.AnonymousId, suppressed)
            || Is(IdentifierType.AnonymousId, e.PreviousId, suppressed) || Is(IdentifierType.UserId, e.PreviousId, suppressed)
            || EmailIn(e.Traits, suppressed) || EmailIn(e.Context, suppressed, "traits");
    }

    private static bool Is(IdentifierType type, string? raw, Func<Identifier, bool> suppressed) =>
        IdentifierNormaliser.Normalise(type, raw, new HashSet<string>()) is { } identifier && suppressed(identifier);

    private static bool EmailIn(string? json, Func<Identifier, bool> suppressed, string? nested = null)
    {
        if (json is null || !json.Contains('@', StringComparison.Ordinal))
            return false;
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        if (nested is not null && !(element.TryGetProperty(nested, out element) && element.ValueKind == JsonValueKind.Object))
            return false;
        return element.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String
            && Is(IdentifierType.Email, email.GetString(), suppressed);
    }
}
