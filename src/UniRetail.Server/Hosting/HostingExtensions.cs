using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Web;
using UniRetail.Web.Access;
using UniRetail.Web.Requests;

namespace UniRetail.Server.Hosting;

/// <summary>What every UniRetail host has: storage, problem details, OpenAPI, API-key auth and role reach, request guards, health.</summary>
internal static class HostingExtensions
{
    public static WebApplicationBuilder AddUniRetailDefaults(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddUniRetailLogging();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestGuards.DefaultMaxBodyBytes);
        services.AddUniRetailData(DatabaseSettings.From(builder.Configuration));
        services.AddHostedService<MigrateOnStartup>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
            // The framework's own answers (404 no route, 405, 415) carry a code like every other problem.
            c.ProblemDetails.Extensions.TryAdd("code", RequestErrors.ForStatus(c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode));
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new TextWithoutNul());
        });
        services.AddUniRetailRateLimits(builder.Configuration);
        services.AddInvalidationPoller();
        services.AddOpenApi();
        services.AddApiKeyAuthentication();
        services.AddRoleReachAuthorization();
        services.AddUniRetailWeb();
        return builder;
    }

    public static WebApplication UseUniRetailDefaults(this WebApplication app)
    {
        if (LoggingDefaults.RequestLogging(app.Configuration))
            app.UseHttpLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        if (RateLimits.Enabled(app.Configuration))
            app.UseRateLimiter();
        app.UseMiddleware<RequestGuards>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapGet("/health", async (Database database, CancellationToken ct) =>
        {
            await database.ReadAsync(async c => { await using var cmd = c.CreateCommand(); cmd.CommandText = "SELECT 1"; return await cmd.ExecuteScalarAsync(ct); }, ct);
            return TypedResults.Ok(new { status = "ok", database = database.Provider.ToString() });
        }).WithTags("Health").AllowAnonymous();
        return app;
    }

    /// <summary>The group every module maps its endpoints into: request bodies are checked for null items before any handler runs.</summary>
    public static RouteGroupBuilder MapModules(this WebApplication app)
    {
        var modules = app.MapGroup("");
        modules.AddEndpointFilterFactory(NullItems.Filter);
        return modules;
    }
}
