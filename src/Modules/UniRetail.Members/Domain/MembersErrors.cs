using UniRetail.Kernel;

namespace UniRetail.Members.Domain;

internal static class MembersErrors
{
    public static Error TooManyIdentifiers(int max, string field) =>
        Error.Validation("members.too_many_identifiers", $"A member registers with at most {max} identifiers.", field);

    public static Error Required(string field) =>
        Error.Validation("members.required", $"'{field}' is required.", field);

    public static Error BadDisplayName(string field) =>
        Error.Validation("members.bad_display_name", "A display name has at most 200 printable characters.", field);

    public static Error UnknownIdentifierKind(string? kind, string field) =>
        Error.Validation("members.unknown_identifier_kind", $"'{kind}' is not an identifier kind (account, phone, email, loyalty_card, external).", field);

    public static Error BadPhone(string? phone, string field) =>
        Error.Validation("members.bad_phone", $"'{phone}' is not a phone number: write it with +country code, 00country code or a leading 0, 8 to 15 digits.", field);

    public static Error BadEmail(string? email, string field) =>
        Error.Validation("members.bad_email", $"'{email}' is not an e-mail address.", field);

    public static Error BadLoyaltyCard(string? card, string field) =>
        Error.Validation("members.bad_loyalty_card", $"'{card}' is not a loyalty card number: 1 to 32 letters and digits.", field);

    public static Error BadAccount(string? account, string field) =>
        Error.Validation("members.bad_account", $"'{account}' is not an account id: 1 to 200 printable characters.", field);

    public static Error BadExternal(string? external, string field) =>
        Error.Validation("members.bad_external", $"'{external}' is not an external id written system:id (e.g. tmall:88231).", field);

    public static Error DuplicateIdentifier(MemberIdentifier identifier, string field) =>
        Error.Validation("members.duplicate_identifier", $"The {identifier} is listed twice.", field);

    public static Error IdentifierTaken(MemberIdentifier identifier, string field) =>
        Error.Conflict("members.identifier_taken", $"The {identifier} already belongs to another member.", field);

    public static Error UnknownMember(MemberId member, string field) =>
        Error.NotFound("members.unknown_member", $"No member '{member}' in this tenant.", field);

    public static Error UnknownIdentifier(MemberIdentifier identifier, string field) =>
        Error.NotFound("members.unknown_identifier", $"No member holds the {identifier}.", field);

    public static Error IdentifierNotHeld(MemberId member, MemberIdentifier identifier, string field) =>
        Error.NotFound("members.unknown_identifier", $"Member '{member}' does not hold the {identifier}.", field);

    public static Error CannotMergeIntoItself() =>
        Error.Validation("members.cannot_merge_into_itself", "A member cannot be merged into itself.", "targetId");

    public static Error AlreadyMerged(MemberId member, MemberId? into, string field) =>
        Error.Conflict(
            "members.already_merged",
            into is { } survivor ? $"Member '{member}' has already been merged into '{survivor}'." : $"Member '{member}' has already been merged.",
            field);

    public static Error Erased(MemberId member, string field) =>
        Error.Conflict("members.erased", $"Member '{member.Value}' was erased at the person's request.", field);
}
