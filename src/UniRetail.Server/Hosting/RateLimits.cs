using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using UniRetail.Kernel;
using UniRetail.Web.Requests;

namespace UniRetail.Server.Hosting;

/// <summary>
/// Request rates, as token buckets (a burst, then a steady rate per second). Every request spends a token of its source
/// address's bucket and one of its key's: the API key (bearer) or the event API's write key. Defaults are far above what a
/// well-behaved client or SDK sends (a web shop's public write key is shared by every visitor's browser) and stop a runaway
/// loop or a flood. Settings: <c>UniRetail:RateLimits:*</c>.
/// </summary>
internal sealed class RateLimitSettings
{
    public bool Enabled { get; init; } = true;
    public int ApiKeyPerSecond { get; init; } = 100;
    public int ApiKeyBurst { get; init; } = 1_000;
    public int WriteKeyPerSecond { get; init; } = 2_000;
    public int WriteKeyBurst { get; init; } = 10_000;
    public int SourcePerSecond { get; init; } = 500;
    public int SourceBurst { get; init; } = 2_000;
}

internal static class RateLimits
{
    public static bool Enabled(IConfiguration configuration) => Settings(configuration).Enabled;

    public static IServiceCollection AddUniRetailRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Settings(configuration);
        if (!settings.Enabled)
            return services;
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => Bucket("source:" + SourceOf(c), settings.SourcePerSecond, settings.SourceBurst)),
                PartitionedRateLimiter.Create<HttpContext, string>(c => KeyOf(c) switch
                {
                    { } key when key.StartsWith("wk_", StringComparison.Ordinal) => Bucket(key, settings.WriteKeyPerSecond, settings.WriteKeyBurst),
                    { } key => Bucket(key, settings.ApiKeyPerSecond, settings.ApiKeyBurst),
                    null => RateLimitPartition.GetNoLimiter("no key"),
                }));
            o.OnRejected = RejectAsync;
        });
    }

    private static RateLimitSettings Settings(IConfiguration configuration) =>
        configuration.GetSection("UniRetail:RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();

    private static RateLimitPartition<string> Bucket(string partition, int perSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string SourceOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>The public id of the request's key, never its secret: <c>key_…</c> of a bearer key, <c>wk_…</c> of a write key sent with HTTP Basic.</summary>
    private static string? KeyOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header.AsSpan(7).Trim();
            var dot = token.IndexOf('.');
            return dot > 0 && token.StartsWith("key_") ? token[..dot].ToString() : null;
        }
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var encoded = header[6..].Trim();
            var bytes = new byte[encoded.Length];
            if (!Convert.TryFromBase64String(encoded, bytes, out var length))
                return null;
            var user = Encoding.UTF8.GetString(bytes, 0, length);
            // wk_<16 hex id>_<secret>: the id alone names the bucket.
            return user.StartsWith("wk_", StringComparison.Ordinal) && user.Length > 19 ? user[..19] : null;
        }
        return null;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var error = Error.Validation(RequestErrors.RateLimited, $"Too many requests from this key or address; retry after {seconds} s.");
        await EnvelopeAnswers.WriteAsync(context, StatusCodes.Status429TooManyRequests, error);
    }
}
