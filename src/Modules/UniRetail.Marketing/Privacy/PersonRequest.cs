using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;

namespace UniRetail.Marketing.Privacy;

/// <summary>Names the person of an access or erasure request: a profile id, or one identifier (type and value).</summary>
internal sealed record PersonRequest(string? ProfileId, string? Type, string? Value)
{
    public Result<(string? ProfileId, Identifier? Identifier)> Validate()
    {
        if (!string.IsNullOrWhiteSpace(ProfileId))
            return Type is null && Value is null ? (ProfileId.Trim(), (Identifier?)null) : MarketingErrors.OneLookup();
        var identifier = ProfileQueries.Parse(Type, Value);
        return identifier.IsSuccess ? ((string?)null, (Identifier?)identifier.Value) : identifier.Error;
    }
}
