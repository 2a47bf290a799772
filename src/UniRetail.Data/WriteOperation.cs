using UniRetail.Kernel;

namespace UniRetail.Data;

/// <summary>One queued write: the work, and the caller waiting for its committed outcome.</summary>
internal abstract class WriteOperation
{
    public int Attempts { get; set; }

    public abstract CancellationToken CancellationToken { get; }

    /// <summary>The work threw (not a failed result): the connection it ran on is suspect.</summary>
    public abstract bool Threw { get; }

    /// <summary>Runs the work in the batch's transaction; returns false when the work failed and its writes must be rolled back.</summary>
    public abstract Task<bool> RunAsync(DbSession session);

    /// <summary>Forgets an outcome that a rolled-back batch never made durable.</summary>
    public abstract void Reset();

    /// <summary>Hands the outcome to the caller; called only after the batch committed (or could not).</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

internal sealed class WriteOperation<T>(Func<DbSession, Task<Result<T>>> work, CancellationToken ct) : WriteOperation
{
    private readonly TaskCompletionSource<Result<T>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Result<T>? _outcome;
    private Exception? _failure;

    public Task<Result<T>> Completion => _completion.Task;

    public override CancellationToken CancellationToken => ct;

    public override bool Threw => _failure is not null;

    public override async Task<bool> RunAsync(DbSession session)
    {
        try
        {
            _outcome = await work(session);
            return _outcome.Value.IsSuccess;
        }
        catch (Exception ex) when (!TransientErrors.IsTransient(ex))
        {
            _failure = ex;
            return false;
        }
    }

    public override void Reset()
    {
        _outcome = null;
        _failure = null;
    }

    public override void Complete()
    {
        if (_failure is not null)
            _completion.TrySetException(_failure);
        else if (_outcome is { } outcome)
            _completion.TrySetResult(outcome);
        else
            _completion.TrySetCanceled(ct);
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
