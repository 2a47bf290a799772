using System.Globalization;
using UniRetail.Store.Contracts;

namespace UniRetail.Server.Hosting;

/// <summary>
/// The store module from configuration: <c>UniRetail:Store:MemberCodeSeconds</c> (10 to 600, default 60) and
/// <c>UniRetail:Store:ComplementSettleSeconds</c> (0 to 3,600, default 60).
/// </summary>
internal static class StoreSettings
{
    public static IServiceCollection AddStoreSettings(this IServiceCollection services, IConfiguration configuration)
    {
        var codeSeconds = Seconds(configuration, "MemberCodeSeconds");
        var settleSeconds = Seconds(configuration, "ComplementSettleSeconds");
        if (codeSeconds is null && settleSeconds is null)
            return services;
        var defaults = new StoreOptions();
        // Registered after the module's default, so it is the one resolved.
        return services.AddSingleton(new StoreOptions
        {
            MemberCodeLifetime = codeSeconds is { } code ? TimeSpan.FromSeconds(code) : defaults.MemberCodeLifetime,
            ComplementSettleTime = settleSeconds is { } settle ? TimeSpan.FromSeconds(settle) : defaults.ComplementSettleTime,
        }.Validated());
    }

    private static int? Seconds(IConfiguration configuration, string name)
    {
        if (configuration[$"UniRetail:Store:{name}"] is not { Length: > 0 } text)
            return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new InvalidOperationException($"UniRetail:Store:{name} is '{text}', not a whole number of seconds.");
    }
}
