using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>How much the fuzzer sends: the default keeps CI quick; <c>UNIRETAIL_FUZZ_CASES</c> and <c>UNIRETAIL_FUZZ_SEED</c> run longer or replay.</summary>
public sealed record FuzzSettings(int Seed, int RandomCases)
{
    public const string SeedVariable = "UNIRETAIL_FUZZ_SEED";
    public const string CasesVariable = "UNIRETAIL_FUZZ_CASES";

    /// <summary>A fixed seed by default, so CI sends the same cases every run; <c>UNIRETAIL_FUZZ_SEED=random</c> draws one.</summary>
    public static FuzzSettings FromEnvironment()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) switch
        {
            null or "" => 1207,
            "random" => Random.Shared.Next(),
            var given => int.Parse(given, CultureInfo.InvariantCulture),
        };
        var cases = Environment.GetEnvironmentVariable(CasesVariable) is { Length: > 0 } count ? int.Parse(count, CultureInfo.InvariantCulture) : 1_500;
        return new FuzzSettings(seed, cases);
    }

    public string Replay => $"{SeedVariable}={Seed} {CasesVariable}={RandomCases}";
}

/// <summary>
/// Sends the cases one at a time (so a failure's server log is its own) with the admin key unless a case says otherwise,
/// checks each answer against <see cref="AnswerRules"/>, and keeps the first example of each rule broken, per cause.
/// </summary>
public sealed partial class FuzzRun(UniRetailFactory factory, string adminToken)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly HttpClient _client = factory.CreateClient();
    private readonly Dictionary<string, Finding> _broken = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _statuses = [];

    public int Sent { get; private set; }

    public int BrokenKinds => _broken.Count;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task SendAsync(FuzzCase fuzz)
    {
        ArgumentNullException.ThrowIfNull(fuzz);
        var request = fuzz.Request.Authorization is null && fuzz.Operation.IsApi ? fuzz.Request.WithBearer(adminToken) : fuzz.Request;
        var logged = factory.Logged.Count;
        Sent++;
        var (response, body, failure) = await TrySendAsync(request);
        var (log, cause) = ServerLog(logged);
        if (failure is not null)
            Record(fuzz with { Request = request }, failure + cause, $"{body}{log}");
        else
        {
            _statuses[(int)response!.StatusCode] = _statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            foreach (var rule in AnswerRules.Broken(fuzz, response, body))
                Record(fuzz with { Request = request }, rule + cause, $"{(int)response.StatusCode} {body.Cut(1_000)}{log}");
        }
        response?.Dispose();
    }

    /// <summary>A read after the run, with the admin key, that must answer whole JSON that <paramref name="fine"/> accepts; the answer's body.</summary>
    public async Task<string> CheckAfterwardsAsync(ApiRequest request, Func<HttpStatusCode, string, bool> fine)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fine);
        var logged = factory.Logged.Count;
        var (response, body, failure) = await TrySendAsync(request.WithBearer(adminToken));
        using (response)
        {
            if (failure is not null || AnswerRules.Parse(body) is null || !fine(response!.StatusCode, body))
                _broken[$"afterwards: {request.Method} {request.Path}"] = new Finding(null, $"{failure ?? ((int)response!.StatusCode).ToString(CultureInfo.InvariantCulture)} {body.Cut(1_000)}{ServerLog(logged).Text}") { Count = 1 };
        }
        return failure is null ? body : "";
    }

    /// <summary>The answer and its body, or why there was none: no answer in time, or the connection dropped mid-answer.</summary>
    private async Task<(HttpResponseMessage? Response, string Body, string? Failure)> TrySendAsync(ApiRequest request)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        HttpResponseMessage? response = null;
        try
        {
            response = await _client.SendAsync(request, patience.Token);
            return (response, await response.Content.ReadAsStringAsync(patience.Token), null);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            response?.Dispose();
            return (null, "", $"no answer within {Patience.TotalSeconds} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            response?.Dispose();
            return (null, $"{e.GetType().Name}: {e.Message} {e.InnerException?.InnerException?.Message}", "the connection dropped");
        }
    }

    public string Summary(FuzzSettings settings, TimeSpan took) =>
        $"HTTP fuzzer: seed {settings.Seed}, {Sent:N0} requests in {took.TotalSeconds:N1} s; answers "
        + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));

    public string Report(FuzzSettings settings)
    {
        var text = new StringBuilder($"The fuzzer found {_broken.Count} kinds of wrong answer. Replay: {settings.Replay}\n");
        var n = 0;
        foreach (var (kind, finding) in _broken.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{++n}. {kind}: {finding.Count}×");
            if (finding.First is { } first)
            {
                text.Append(CultureInfo.InvariantCulture, $" in {string.Join(", ", finding.Operations)}");
                text.Append(CultureInfo.InvariantCulture, $"\n   first: {first.What}\n   {first.Request.ToString().Replace("\n", "\n   ", StringComparison.Ordinal)}");
            }
            text.Append(CultureInfo.InvariantCulture, $"\n   → {finding.Answer.Replace("\n", "\n     ", StringComparison.Ordinal)}\n");
        }
        return text.ToString();
    }

    private void Record(FuzzCase fuzz, string rule, string answer)
    {
        if (!_broken.TryGetValue(rule, out var finding))
            _broken[rule] = finding = new Finding(fuzz, answer);
        finding.Count++;
        finding.Operations.Add(fuzz.Operation.Name);
    }

    /// <summary>
    /// What the server logged at Error while answering: the exception's first lines (the lead needs the stack, not only
    /// the 500), and its cause — the innermost exception and the first frame in our code — so two defects behind the same
    /// status of one operation are reported apart.
    /// </summary>
    private (string Text, string Cause) ServerLog(int before)
    {
        var error = factory.Logged.Skip(before).FirstOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal));
        if (error is null)
            return ("", "");
        var exception = ExceptionType().Matches(error).LastOrDefault()?.Groups[1].Value ?? "an exception";
        var frame = OurFrame().Match(error) is { Success: true } m ? $" in {string.Join('.', m.Groups[1].Value.Split('.')[^2..])}" : "";
        return ("\n   server log: " + string.Join("\n", error.Split('\n').Take(6)).Cut(1_500), $" ({exception}{frame})");
    }

    [GeneratedRegex(@"(?:^|---> |\s)((?:[A-Z]\w*\.)+\w*Exception)(?=[:\s])")]
    private static partial Regex ExceptionType();

    [GeneratedRegex(@"at (UniRetail\.[\w.`<>]+)\(")]
    private static partial Regex OurFrame();

    /// <summary>One rule broken for one cause: the first case that broke it, its answer, how often and in which operations.</summary>
    private sealed class Finding(FuzzCase? first, string answer)
    {
        public FuzzCase? First { get; } = first;

        public string Answer { get; } = answer;

        public int Count { get; set; }

        public SortedSet<string> Operations { get; } = new(StringComparer.Ordinal);
    }

}
