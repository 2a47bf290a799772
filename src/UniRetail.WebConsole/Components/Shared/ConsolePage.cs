using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.WebConsole.Auth;

namespace UniRetail.WebConsole.Components.Shared;

/// <summary>
/// A page of the console: the signed-in user's <see cref="Caller"/> (tenant, role, store), and whether their role reaches
/// the API endpoint the page reads (<see cref="ReadEndpoint"/>); a page their role may not read shows the 403 page.
/// </summary>
public class ConsolePage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private PersistentComponentState PrerenderState { get; set; } = default!;

    private readonly Dictionary<string, object?> _prerendered = [];

    protected Caller Caller { get; private set; } = default!;

    protected string UserEmail { get; private set; } = "";

    /// <summary>Who acts, as the API records it for a key (<c>uniretail:key</c>): the console user's id.</summary>
    protected string Actor { get; private set; } = "";

    protected bool Forbidden { get; private set; }

    /// <summary>The page has read what it shows (or is the 403 page): <see cref="PageGate"/> marks it for the browser tests and benchmarks.</summary>
    protected bool Loaded { get; private set; }

    /// <summary>The API endpoint whose role reach the page follows; a page that names none is shown to nobody.</summary>
    protected virtual string ReadEndpoint => "";

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        Caller = user.ToCaller();
        UserEmail = user.Identity?.Name ?? "";
        Actor = user.FindFirst(CallerClaims.KeyId)?.Value ?? "console";
        Forbidden = !Can(ReadEndpoint);
        if (!Forbidden)
            await LoadAsync();
        Loaded = true;
    }

    /// <summary>Loads what the page shows; runs only for a role that may read it.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected bool Can(string endpoint) => Access.Can(Caller, endpoint);

    /// <summary>
    /// A read whose answer the server render hands on to the circuit inside the page (protected, as Blazor persists
    /// component state), so a fresh load reads it once instead of twice and the page does not blank while the circuit
    /// reads again. A page reached over a running circuit has no server render and simply reads. The value must be plain
    /// data that JSON round-trips (records of strings, numbers, dates, lists).
    /// </summary>
    protected async Task<T> ReadOnceAsync<T>(string name, Func<Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var key = $"{GetType().FullName}.{name}";
        if (PrerenderState.TryTakeFromJson<T>(key, out var handedOn) && handedOn is not null)
            return handedOn;
        var value = await read();
        if (!RendererInfo.IsInteractive)
        {
            if (_prerendered.Count == 0)
                PrerenderState.RegisterOnPersisting(HandOnAsync, RenderMode.InteractiveServer);
            _prerendered[key] = value;
        }
        return value;
    }

    private Task HandOnAsync()
    {
        foreach (var (key, value) in _prerendered)
            PrerenderState.PersistAsJson(key, value);
        return Task.CompletedTask;
    }

    /// <summary>The last handler error of the page's form, shown next to its field (or above the form).</summary>
    protected Error? Problem { get; set; }

    /// <summary>The problem's text when it is about <paramref name="field"/> (the API's field name), else null.</summary>
    protected string? ErrorOn(string field) => Problem is { } p && p.Field == field ? $"{p.Code}: {p.Message}" : null;

    /// <summary>The problem's text when it is about <paramref name="field"/> or a part of it (<c>rule.skus</c> holds <c>rule.skus[2]</c>).</summary>
    protected string? ErrorUnder(string field) => Problem is { Field: { } f } p && FieldPath.IsUnder(f, field) ? $"{p.Code}: {p.Message}" : null;

    /// <summary>On a page of several forms, the form whose handler ran last: its <see cref="Problem"/> shows at that form only.</summary>
    protected string ProblemForm { get; set; } = "";

    /// <summary>The problem's text when the form <paramref name="form"/> ran last and the problem is about <paramref name="field"/> or a part of it.</summary>
    protected string? At(string form, string field) => ProblemForm == form ? ErrorUnder(field) : null;

    /// <summary>The form's problem when none of its <paramref name="fields"/> shows it (shown above the form).</summary>
    protected Error? Unplaced(string form, string[] fields) =>
        ProblemForm == form && Problem is { } p && (p.Field is null || !fields.Any(f => FieldPath.IsUnder(p.Field, f))) ? p : null;

    /// <summary>Shows <paramref name="error"/> (none: clears the problem) at the form <paramref name="form"/>, as a handler's would be.</summary>
    protected void ProblemAt(string form, Error? error) => (ProblemForm, Problem) = (form, error);

    /// <summary><see cref="RunAsync{T}(Func{Task{Result{T}}}, Action{T})"/> for the form <paramref name="form"/>.</summary>
    protected Task<bool> RunAsync<T>(string form, Func<Task<Result<T>>> handler, Action<T>? done = null)
    {
        ProblemForm = form;
        return RunAsync(handler, done);
    }

    /// <summary>Runs a handler that returns a result: its error becomes <see cref="Problem"/>; true when it succeeded.</summary>
    protected async Task<bool> RunAsync<T>(Func<Task<Result<T>>> handler, Action<T>? done = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler();
        Problem = result.Error;
        if (result.IsSuccess)
            done?.Invoke(result.Value);
        return result.IsSuccess;
    }
}
