namespace UniRetail.Kernel;

/// <summary>How an <see cref="Error"/> is to be understood by a caller (and mapped to HTTP).</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or breaks a rule; 400/422.</summary>
    Validation,
    /// <summary>Something named by the input does not exist (in the caller's tenant); 404.</summary>
    NotFound,
    /// <summary>The current state forbids the operation (a transition, a uniqueness, stock); 409.</summary>
    Conflict,
    /// <summary>The caller may not do this; 403.</summary>
    Forbidden,
}

/// <summary>
/// An expected failure: a stable machine-readable <paramref name="Code"/> (e.g. <c>orders.cannot_cancel_shipped</c>),
/// a message for people, its kind and, when one input field is at fault, that field's name.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind, string? Field = null)
{
    /// <summary>The message for people; a quoted input longer than <see cref="Echo.MaxQuoted"/> characters is cut (an error answers what was wrong, not the whole input).</summary>
    public string Message { get; init; } = Echo.Shorten(Message);

    /// <summary>An input field is malformed or breaks a rule.</summary>
    public static Error Validation(string code, string message, string? field = null) => new(code, message, ErrorKind.Validation, field);

    /// <summary>A referenced thing does not exist.</summary>
    public static Error NotFound(string code, string message, string? field = null) => new(code, message, ErrorKind.NotFound, field);

    /// <summary>The current state forbids the operation.</summary>
    public static Error Conflict(string code, string message, string? field = null) => new(code, message, ErrorKind.Conflict, field);

    /// <summary>The caller's role or store does not allow the operation.</summary>
    public static Error Forbidden(string code, string message, string? field = null) => new(code, message, ErrorKind.Forbidden, field);

    /// <summary>The same error, naming <paramref name="field"/> as the field at fault.</summary>
    public Error AtField(string field) => this with { Field = field };
}
