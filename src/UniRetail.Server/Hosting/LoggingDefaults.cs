using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Configuration.Memory;

namespace UniRetail.Server.Hosting;

/// <summary>
/// What the server logs unless configured otherwise: its own messages at Information, the framework's at Warning (a
/// request line each is about 1 MB per 1,000 orders), and no request log. <c>UniRetail:RequestLogging=true</c> adds one
/// line per request — method, path, status, duration — never headers, query strings or bodies, where keys and personal
/// data travel. The defaults sit below every other configuration source, so appsettings and environment override them.
/// </summary>
internal static class LoggingDefaults
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware"] = "Information",
        ["Logging:LogLevel:Npgsql"] = "Warning",
    };

    public static WebApplicationBuilder AddUniRetailLogging(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        if (RequestLogging(builder.Configuration))
        {
            builder.Services.AddHttpLogging(o =>
            {
                o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
                o.CombineLogs = true;
            });
        }
        return builder;
    }

    public static bool RequestLogging(IConfiguration configuration) => configuration.GetValue("UniRetail:RequestLogging", false);
}
