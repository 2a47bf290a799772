using System.Diagnostics.CodeAnalysis;

namespace UniRetail.Kernel;

/// <summary>Either a value or an <see cref="Error"/>; the return type of anything whose input can be wrong.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, when the operation failed.</summary>
    public Error? Error { get; }

    /// <summary>True when there is a value; false when <see cref="Error"/> says why not.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the result is a failure (a bug in the caller).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result is a failure: {Error.Code}");

    /// <summary>A successful result.</summary>
    public static Result<T> Success(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Wraps a value.</summary>
    public static implicit operator Result<T>(T value) => Success(value);

    /// <summary>Wraps an error.</summary>
    public static implicit operator Result<T>(Error error) => Failure(error);

    /// <summary>Maps the value, keeping a failure as it is.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? map(_value!) : Result<TOut>.Failure(Error);

    /// <summary>Chains another fallible step.</summary>
    public Result<TOut> Then<TOut>(Func<T, Result<TOut>> next) => IsSuccess ? next(_value!) : Result<TOut>.Failure(Error);

    /// <summary>Chains another fallible asynchronous step.</summary>
    public async Task<Result<TOut>> ThenAsync<TOut>(Func<T, Task<Result<TOut>>> next) =>
        IsSuccess ? await next(_value!) : Result<TOut>.Failure(Error);
}

/// <summary>The value of an operation that succeeds with nothing to return.</summary>
public readonly record struct Unit
{
    /// <summary>The only value.</summary>
    public static readonly Unit Value;
}
