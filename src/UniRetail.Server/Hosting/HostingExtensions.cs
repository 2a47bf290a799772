using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using UniRetail.Data;
using UniRetail.Identity;
using UniRetail.Web;

namespace UniRetail.Server.Hosting;

/// <summary>What every UniRetail host has: storage, problem details, OpenAPI, API-key auth, health.</summary>
internal static class HostingExtensions
{
    public static WebApplicationBuilder AddUniRetailDefaults(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddUniRetailData(DatabaseSettings.From(builder.Configuration));
        services.AddHostedService<MigrateOnStartup>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOpenApi();
        services.AddApiKeyAuthentication();
        services.AddAuthorization();
        services.AddCallerFromRequest();
        return builder;
    }

    public static WebApplication UseUniRetailDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
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
}
