using System.Globalization;
using UniRetail.Store.Contracts;

namespace UniRetail.Server.Hosting;

/// <summary>The store module from configuration: <c>UniRetail:Store:MemberCodeSeconds</c> (10 to 600, default 60).</summary>
internal static class StoreSettings
{
    public static IServiceCollection AddStoreSettings(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["UniRetail:Store:MemberCodeSeconds"] is not { Length: > 0 } text)
            return services;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new InvalidOperationException($"UniRetail:Store:MemberCodeSeconds is '{text}', not a whole number of seconds.");
        // Registered after the module's default, so it is the one resolved.
        return services.AddSingleton(new StoreOptions { MemberCodeLifetime = TimeSpan.FromSeconds(seconds) }.Validated());
    }
}
