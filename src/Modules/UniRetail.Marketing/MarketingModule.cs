using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Loyalty.Contracts;
using UniRetail.Marketing.Commerce;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Sources;
using UniRetail.Marketing.Stitching;
using UniRetail.Members.Contracts;
using UniRetail.Orders.Contracts;
using UniRetail.Store.Contracts;

namespace UniRetail.Marketing;

/// <summary>The data bank: event sources with write keys, the Segment-compatible event API, the event store, identity resolution, profiles, consent and erasure.</summary>
public static class MarketingModule
{
    public static IServiceCollection AddMarketingModule(this IServiceCollection services)
    {
        services.AddMigrations<EventStore>("marketing");
        services.AddSingleton<SourceStore>().AddSingleton<EventStore>().AddSingleton<WriteKeyDirectory>().AddSingleton<IInvalidationSubscriber>(sp => sp.GetRequiredService<WriteKeyDirectory>());
        services.AddSingleton<ManageSources>().AddSingleton<IngestEvents>().AddSingleton<EventQueries>();
        services.AddSingleton<EventFeed>().AddSingleton<ProjectionStore>().AddSingleton<IdentityStore>().AddSingleton<ProfileStore>()
            .AddSingleton<MergeStore>().AddSingleton<JoinStore>().AddSingleton<SharedIdentifierStore>().AddSingleton<RestitchStore>().AddSingleton<SuppressionStore>()
            .AddSingleton<ErasureFingerprints>().AddSingleton<SuppressionList>();
        services.AddSingleton<ProfileProjector>().AddSingleton<ProfileQueries>().AddSingleton<ProfileRebuilder>().AddSingleton<UndoMerge>().AddSingleton<UndoJoin>()
            .AddSingleton<RecordConsent>().AddSingleton<Network.Contracts.ISharedCustomers, SharedCustomerList>().AddSingleton<ExportPerson>().AddSingleton<ErasePerson>().AddSingleton<ManageIdentityRules>()
            .AddSingleton<Restitcher>().AddSingleton<RestitchProfiles>();
        services.AddSingleton<AiplSettings>().AddSingleton<AiplFold>().AddSingleton<AiplStore>().AddSingleton<AiplQueries>().AddSingleton<ManageAiplRules>()
            .AddSingleton<ConsumerAssetsForecasts>().AddSingleton<FastAndGrow>().AddSingleton<DailySnapshots>();
        services.AddSingleton<IDomainEventSubscriber<OrderPlaced>, RecordOrderPlaced>();
        services.AddSingleton<IDomainEventSubscriber<OrderStatusChanged>, RecordOrderStatusChanged>();
        services.AddSingleton<IDomainEventSubscriber<MemberRegistered>, RecordMemberRegistered>();
        services.AddSingleton<RecordStoreEvents>();
        services.AddSingleton<IDomainEventSubscriber<MemberVisitedStore>>(sp => sp.GetRequiredService<RecordStoreEvents>());
        services.AddSingleton<IDomainEventSubscriber<TillSaleRecorded>>(sp => sp.GetRequiredService<RecordStoreEvents>());
        services.AddSingleton<IDomainEventSubscriber<BagProductAdded>, RecordBagScans>();
        services.AddSingleton<RecordLoyaltyEvents>();
        services.AddSingleton<IDomainEventSubscriber<PointsEarned>>(sp => sp.GetRequiredService<RecordLoyaltyEvents>());
        services.AddSingleton<IDomainEventSubscriber<PointsRedeemed>>(sp => sp.GetRequiredService<RecordLoyaltyEvents>());
        services.AddSingleton<IDomainEventSubscriber<CouponApplied>>(sp => sp.GetRequiredService<RecordLoyaltyEvents>());
        services.AddSingleton<IDomainEventSubscriber<CouponDenied>>(sp => sp.GetRequiredService<RecordLoyaltyEvents>());
        services.AddSingleton<IDomainEventSubscriber<TierChanged>>(sp => sp.GetRequiredService<RecordLoyaltyEvents>());
        return services;
    }

    /// <summary>
    /// Keeps profiles current in the background, and with them each tenant's daily AIPL snapshot (the server runs both; the
    /// CLI catches up on demand).
    /// </summary>
    public static IServiceCollection AddProfileProjector(this IServiceCollection services) =>
        services.AddHostedService<ProfileProjectorService>().AddHostedService<DailySnapshotService>();

    public static IEndpointRouteBuilder MapMarketingModule(this IEndpointRouteBuilder app)
    {
        app.MapSources();
        app.MapEvents();
        app.MapTracking();
        app.MapProfiles();
        app.MapConsent();
        app.MapStitching();
        app.MapPrivacy();
        app.MapConsumerAssets();
        return app;
    }
}
