using System.Collections.Concurrent;
using System.Diagnostics;
using UniRetail.Kernel;

namespace UniRetail.Bench;

/// <summary>What a load run measured: completed calls, wall time, latency percentiles, CPU used, and failures by error code.</summary>
internal sealed record LoadResult(int Calls, TimeSpan Elapsed, double P50Ms, double P99Ms, double CpuCores, IReadOnlyDictionary<string, int> Failures)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;

    public int Succeeded => Calls - Failures.Values.Sum();
}

/// <summary>
/// Runs <c>calls</c> calls with a fixed number of concurrent callers, each taking the next call number as soon as its
/// previous call returned (closed loop), and times every call.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync<T>(int calls, int callers, Func<int, Task<Result<T>>> call)
    {
        var latencies = new long[calls];
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var t0 = Stopwatch.GetTimestamp();
                var failure = await FailureOfAsync(call, i);
                latencies[i] = Stopwatch.GetTimestamp() - t0;
                if (failure is not null)
                    failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new LoadResult(calls, elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), cpu, failures);
    }

    /// <summary>The error code of a failed call, the exception type of a crashed one (counted, so one crash does not hide the rest).</summary>
    private static async Task<string?> FailureOfAsync<T>(Func<int, Task<Result<T>>> call, int i)
    {
        try
        {
            var result = await call(i);
            return result.IsSuccess ? null : result.Error.Code;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"exception: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static double Percentile(long[] sortedTicks, double p) =>
        sortedTicks.Length == 0 ? 0 : sortedTicks[Math.Min(sortedTicks.Length - 1, (int)Math.Ceiling(p * sortedTicks.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
}
