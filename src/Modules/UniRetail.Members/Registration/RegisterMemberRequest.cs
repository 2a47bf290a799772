using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;

namespace UniRetail.Members.Registration;

/// <summary>An identifier as the API takes it: <c>{"kind": "phone", "value": "07700 900123"}</c>.</summary>
internal sealed record IdentifierRequest(string? Kind, string? Value);

/// <summary>A new member as the API takes it: an optional display name and any identifiers that name the person.</summary>
internal sealed record RegisterMemberRequest(string? DisplayName, IReadOnlyList<IdentifierRequest?>? Identifiers)
{
    /// <summary>The most identifiers one member registers with: a person has a handful of phones, e-mails and cards, never dozens.</summary>
    public const int MaxIdentifiers = 20;

    public Result<NewMember> ToNewMember(MemberId id, DateTimeOffset now, MembersOptions options, string fieldPrefix = "")
    {
        var member = Member.Register(id, DisplayName, now, fieldPrefix + "displayName");
        if (!member.IsSuccess)
            return member.Error;
        if (Identifiers?.Count > MaxIdentifiers)
            return MembersErrors.TooManyIdentifiers(MaxIdentifiers, fieldPrefix + "identifiers");
        var identifiers = new List<NamedIdentifier>(Identifiers?.Count ?? 0);
        var seen = new HashSet<MemberIdentifier>();
        for (var i = 0; i < (Identifiers?.Count ?? 0); i++)
        {
            var field = $"{fieldPrefix}identifiers[{i}]";
            if (Identifiers![i] is not { } request)
                return MembersErrors.Required(field);
            var identifier = MemberIdentifier.Parse(request.Kind, request.Value, options, field + ".");
            if (!identifier.IsSuccess)
                return identifier.Error;
            if (!seen.Add(identifier.Value))
                return MembersErrors.DuplicateIdentifier(identifier.Value, field + ".value");
            identifiers.Add(new NamedIdentifier(identifier.Value, field + ".value"));
        }
        return new NewMember(member.Value, identifiers);
    }
}

/// <summary>An identifier with the request field it came from, so a conflict can name that field.</summary>
internal readonly record struct NamedIdentifier(MemberIdentifier Identifier, string Field);

/// <summary>A validated member waiting to be written.</summary>
internal sealed record NewMember(Member Member, IReadOnlyList<NamedIdentifier> Identifiers);
