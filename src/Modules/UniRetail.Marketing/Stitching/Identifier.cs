namespace UniRetail.Marketing.Stitching;

/// <summary>One normalised identifier value of one type. Only <see cref="IdentifierNormaliser"/> makes them from raw input.</summary>
internal readonly record struct Identifier(IdentifierType Type, string Value)
{
    public string TypeName => IdentifierTypes.ToName(Type);

    public override string ToString() => $"{TypeName}:{Value}";
}
