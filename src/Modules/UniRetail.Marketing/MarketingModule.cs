using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Marketing.Commerce;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Sources;
using UniRetail.Orders.Contracts;

namespace UniRetail.Marketing;

/// <summary>The data bank: event sources with write keys, the Segment-compatible event API, and the event store.</summary>
public static class MarketingModule
{
    public static IServiceCollection AddMarketingModule(this IServiceCollection services)
    {
        services.AddMigrations<EventStore>("marketing");
        services.AddSingleton<SourceStore>().AddSingleton<EventStore>().AddSingleton<WriteKeyDirectory>();
        services.AddSingleton<ManageSources>().AddSingleton<IngestEvents>().AddSingleton<EventQueries>();
        services.AddSingleton<IDomainEventSubscriber<OrderPlaced>, RecordOrderPlaced>();
        services.AddSingleton<IDomainEventSubscriber<OrderStatusChanged>, RecordOrderStatusChanged>();
        return services;
    }

    public static IEndpointRouteBuilder MapMarketingModule(this IEndpointRouteBuilder app)
    {
        app.MapSources();
        app.MapEvents();
        app.MapTracking();
        return app;
    }
}
