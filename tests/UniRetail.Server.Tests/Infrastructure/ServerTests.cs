using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>
/// Base of every HTTP test class: written once, run by a SQLite subclass and a PostgreSQL subclass, each with its own
/// server (a class fixture). Every test starts its own tenant, so tests never see each other's data.
/// </summary>
public abstract class ServerTests(ServerFixture server)
{
    protected ServerFixture Server { get; } = server;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Task<Retailer> NewRetailerAsync(string name = "Camden Goods") => Retailer.CreateAsync(Server.Factory, name);
}
