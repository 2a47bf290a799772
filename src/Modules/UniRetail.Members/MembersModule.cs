using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;
using UniRetail.Members.Identifiers;
using UniRetail.Members.Merging;
using UniRetail.Members.Persistence;
using UniRetail.Members.Profiles;
using UniRetail.Members.Registration;

namespace UniRetail.Members;

/// <summary>Members (会员通): one member per person across channels, found by any of their identifiers.</summary>
public static class MembersModule
{
    /// <summary>The members module; <paramref name="options"/> defaults to UK national phone numbers.</summary>
    public static IServiceCollection AddMembersModule(this IServiceCollection services, MembersOptions? options = null)
    {
        options ??= new MembersOptions();
        if (!PhoneNumbers.IsCallingCode(options.DefaultCountryCallingCode))
            throw new ArgumentException($"'{options.DefaultCountryCallingCode}' is not a country calling code (1 to 3 digits, such as 44).", nameof(options));
        services.AddMigrations<MemberStore>("members");
        services.AddSingleton(options);
        services.AddSingleton<MemberStore>().AddSingleton<IdentifierStore>().AddSingleton<MergeStore>();
        services.AddSingleton<MemberDirectory>().AddSingleton<IMemberDirectory>(sp => sp.GetRequiredService<MemberDirectory>());
        services.AddSingleton<MemberRegistrar>().AddSingleton<RegisterMember>().AddSingleton<RegisterMembers>();
        services.AddSingleton<FindMember>().AddSingleton<ManageIdentifiers>();
        services.AddSingleton<MergeMembers>().AddSingleton<MergeHistory>();
        services.AddSingleton<IMemberErasure, MemberErasure>();
        return services;
    }

    public static IEndpointRouteBuilder MapMembersModule(this IEndpointRouteBuilder app)
    {
        app.MapMembers();
        return app;
    }
}
