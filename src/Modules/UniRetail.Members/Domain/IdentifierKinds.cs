using UniRetail.Kernel;
using UniRetail.Members.Contracts;

namespace UniRetail.Members.Domain;

/// <summary>Identifier kinds as written in the API, the CLI and the database: <c>account</c>, <c>phone</c>, <c>email</c>, <c>loyalty_card</c>, <c>external</c>.</summary>
internal static class IdentifierKinds
{
    public static string ToName(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Account => "account",
        IdentifierKind.Phone => "phone",
        IdentifierKind.Email => "email",
        IdentifierKind.LoyaltyCard => "loyalty_card",
        IdentifierKind.External => "external",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static Result<IdentifierKind> Parse(string? name, string field = "kind") => name?.Trim().ToLowerInvariant() switch
    {
        "account" => IdentifierKind.Account,
        "phone" => IdentifierKind.Phone,
        "email" => IdentifierKind.Email,
        "loyalty_card" => IdentifierKind.LoyaltyCard,
        "external" => IdentifierKind.External,
        _ => MembersErrors.UnknownIdentifierKind(name, field),
    };
}
