using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;
using UniRetail.Store.Tills;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Store.Tests;

public abstract class TillSessionTests(DatabaseProvider provider) : StoreDatabaseTest(provider)
{
    private TillSessions Tills => Get<TillSessions>();

    private static TillAmountRequest Pounds(decimal amount) => new(amount, null);

    private async Task<TillSessionView> OpenAsync(string till = "T1", decimal openingFloat = 150m)
    {
        var opened = await Tills.OpenAsync(Staff, CoventGarden, till, new OpenTillRequest(Pounds(openingFloat)), "key_till", Ct);
        Assert.True(opened.IsSuccess, opened.Error?.Message);
        return opened.Value;
    }

    private async Task MoveAsync(string session, string kind, decimal amount, string? reference = null)
    {
        var moved = await Tills.MoveCashAsync(Staff, CoventGarden, session, new CashMovementRequest(kind, Pounds(amount), "change", reference), Ct);
        Assert.True(moved.IsSuccess, moved.Error?.Message);
    }

    /// <summary>Stands in for the checkout: writes a sale's rows as checkout will, inside a write.</summary>
    private async Task<bool> SellAsync(string session, string saleId, TillSaleKind kind, decimal gross, decimal discount, long redeemed, long earned, params (string Type, decimal Amount)[] payments)
    {
        var sale = new TillSale(saleId, kind, Gbp(gross), Gbp(discount), redeemed, earned, payments.ToDictionary(p => p.Type, p => Gbp(p.Amount)), Time.GetUtcNow());
        var added = await WriteAsync(async s => Result<bool>.Success(await Get<TillStore>().TryAddSaleAsync(s, Tenant, session, sale)));
        return added.Value;
    }

    [Fact]
    public async Task ASessionFromOpenToZ_TotalsEveryPaymentTypeRefundsDiscountsPointsAndTheDrawer()
    {
        var session = await OpenAsync();
        Assert.Equal(("X", 150.00m, 150.00m), (session.Report.Kind, session.Report.Float.Amount, session.Report.ExpectedCash.Amount));
        await MoveAsync(session.Id, "in", 20m);
        await MoveAsync(session.Id, "out", 100m, "safe-drop-1");
        Assert.True(await SellAsync(session.Id, "s1", TillSaleKind.Sale, 50m, 5m, 0, 45, ("cash", 45m)));
        Assert.True(await SellAsync(session.Id, "s2", TillSaleKind.Sale, 100m, 10m, 500, 85, ("card", 60m), ("wallet", 20m), ("gift_card", 5m)));
        Assert.False(await SellAsync(session.Id, "s2", TillSaleKind.Sale, 100m, 10m, 500, 85, ("card", 60m), ("wallet", 20m), ("gift_card", 5m)));
        Assert.True(await SellAsync(session.Id, "r1", TillSaleKind.Refund, 12m, 0m, 0, 12, ("cash", 12m)));

        var x = (await Tills.GetAsync(Staff, CoventGarden, session.Id, Ct)).Value.Report;
        var closed = await Tills.CloseAsync(Staff, CoventGarden, session.Id, new CloseTillRequest(Pounds(100m)), "key_till", Ct);

        Assert.Equal(("X", 2, 1, 150m, 12m, 15m, 123m, 500L, 118L), (x.Kind, x.Sales, x.Refunds, x.GrossSales.Amount, x.RefundsTotal.Amount, x.Discounts.Amount, x.NetSales.Amount, x.PointsRedeemed, x.PointsEarned));
        Assert.Equal(
            [("card", 60m, 0m, 60m), ("cash", 45m, 12m, 33m), ("wallet", 20m, 0m, 20m), ("gift_card", 5m, 0m, 5m)],
            x.Payments.Select(p => (p.Type, p.Sales.Amount, p.Refunds.Amount, p.Net.Amount)).ToList());
        Assert.Equal((20m, 100m, 103m), (x.CashIn.Amount, x.CashOut.Amount, x.ExpectedCash.Amount));
        Assert.Null(x.OverShort);
        var z = closed.Value.Report;
        Assert.Equal(("closed", "Z", 103m, 100m, -3m), (closed.Value.Status, z.Kind, z.ExpectedCash.Amount, z.CountedCash!.Amount, z.OverShort!.Amount));
        Assert.Equal(x.Payments, z.Payments);
        Assert.Equivalent(z, (await Tills.GetAsync(Staff, CoventGarden, session.Id, Ct)).Value.Report, strict: true);
    }

    [Fact]
    public async Task AClosedSession_RefusesASecondCloseAndCashMovementsAndTheTillOpensAgain()
    {
        var session = await OpenAsync();
        Assert.True((await Tills.CloseAsync(Staff, CoventGarden, session.Id, new CloseTillRequest(Pounds(150m)), "key_till", Ct)).IsSuccess);

        var again = await Tills.CloseAsync(Staff, CoventGarden, session.Id, new CloseTillRequest(Pounds(10m)), "key_till", Ct);
        var moved = await Tills.MoveCashAsync(Staff, CoventGarden, session.Id, new CashMovementRequest("in", Pounds(5m), null, null), Ct);
        var current = await Tills.CurrentAsync(Staff, CoventGarden, "T1", Ct);

        Assert.Equal(("store.till_session_closed", ErrorKind.Conflict), (again.ShouldFail().Code, again.ShouldFail().Kind));
        Assert.Equal("store.till_session_closed", moved.ShouldFail().Code);
        Assert.Equal("store.no_open_till_session", current.ShouldFail().Code);
        Assert.Equal(0m, (await Tills.GetAsync(Staff, CoventGarden, session.Id, Ct)).Value.Report.OverShort!.Amount);
        Assert.NotEqual(session.Id, (await OpenAsync()).Id);
    }

    [Fact]
    public async Task OpenAsync_SixteenOpensOfOneTillAtOnce_OpenExactlyOneSession()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => Tills.OpenAsync(Staff, CoventGarden, "T2", new OpenTillRequest(Pounds(100m)), "key_till", Ct), Ct)));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("store.till_already_open", r.Error!.Code));
        Assert.Equal(results.Single(r => r.IsSuccess).Value.Id, (await Tills.CurrentAsync(Staff, CoventGarden, "T2", Ct)).Value.Id);
    }

    [Fact]
    public async Task MoveCashAsync_RetriedReferenceIsAReplayAnotherAmountIsAConflictAndTheDrawerNeverGoesBelowZero()
    {
        var session = await OpenAsync(openingFloat: 50m);

        var first = await Tills.MoveCashAsync(Staff, CoventGarden, session.Id, new CashMovementRequest("out", Pounds(30m), "safe drop", "drop-1"), Ct);
        var retried = await Tills.MoveCashAsync(Staff, CoventGarden, session.Id, new CashMovementRequest("out", Pounds(30m), "safe drop", "drop-1"), Ct);
        var reused = await Tills.MoveCashAsync(Staff, CoventGarden, session.Id, new CashMovementRequest("out", Pounds(10m), "safe drop", "drop-1"), Ct);
        var overdrawn = await Tills.MoveCashAsync(Staff, CoventGarden, session.Id, new CashMovementRequest("out", Pounds(20.01m), null, null), Ct);

        Assert.Equal((false, true), (first.Value.Replayed, retried.Value.Replayed));
        Assert.Equal("store.reference_reused", reused.ShouldFail().Code);
        Assert.Equal(("store.cash_short", "amount.amount"), (overdrawn.ShouldFail().Code, overdrawn.ShouldFail().Field));
        Assert.Equal(20m, (await Tills.GetAsync(Staff, CoventGarden, session.Id, Ct)).Value.Report.ExpectedCash.Amount);
    }

    [Fact]
    public async Task AnotherStoresSessionOrTill_IsNotFoundOrForbiddenAndBadInputNamesTheField()
    {
        var session = await OpenAsync();
        var camdenStaff = new Caller(Tenant, Role.StoreStaff, Camden);

        var fromCamden = await Tills.GetAsync(Admin, Camden, session.Id, Ct);
        var staffElsewhere = await Tills.OpenAsync(Staff, Camden, "T1", new OpenTillRequest(Pounds(1m)), "key_till", Ct);
        var closeElsewhere = await Tills.CloseAsync(camdenStaff, Camden, session.Id, new CloseTillRequest(Pounds(1m)), "key_till", Ct);
        var warehouse = await Tills.OpenAsync(Admin, Warehouse, "T1", new OpenTillRequest(Pounds(1m)), "key_till", Ct);

        Assert.Equal(("store.unknown_till_session", ErrorKind.NotFound, "sessionId"), (fromCamden.ShouldFail().Code, fromCamden.ShouldFail().Kind, fromCamden.ShouldFail().Field));
        Assert.Equal(("identity.other_store", "storeId"), (staffElsewhere.ShouldFail().Code, staffElsewhere.ShouldFail().Field));
        Assert.Equal("store.unknown_till_session", closeElsewhere.ShouldFail().Code);
        Assert.Equal("store.unknown_store", warehouse.ShouldFail().Code);
        Assert.Equal("open", (await Tills.GetAsync(Staff, CoventGarden, session.Id, Ct)).Value.Status);

        Assert.Equal(("store.bad_till", "tillId"), Fault(await Tills.OpenAsync(Staff, CoventGarden, "till one", new OpenTillRequest(Pounds(1m)), "k", Ct)));
        Assert.Equal(("store.required", "float.amount"), Fault(await Tills.OpenAsync(Staff, CoventGarden, "T9", new OpenTillRequest(null), "k", Ct)));
        Assert.Equal(("money.negative", "float.amount"), Fault(await Tills.OpenAsync(Staff, CoventGarden, "T9", new OpenTillRequest(Pounds(-1m)), "k", Ct)));
        Assert.Equal(("store.currency_mismatch", "float.currency"), Fault(await Tills.OpenAsync(Staff, CoventGarden, "T9", new OpenTillRequest(new TillAmountRequest(1m, "EUR")), "k", Ct)));
        Assert.Equal(("store.bad_cash_movement_kind", "kind"), Fault(await Tills.MoveCashAsync(Staff, CoventGarden, session.Id, new CashMovementRequest("sideways", Pounds(1m), null, null), Ct)));
        Assert.Equal(("store.amount_not_positive", "amount.amount"), Fault(await Tills.MoveCashAsync(Staff, CoventGarden, session.Id, new CashMovementRequest("in", Pounds(0m), null, null), Ct)));
        Assert.Equal(("store.no_open_till_session", "tillId"), Fault(await Tills.CurrentAsync(Staff, CoventGarden, "T9", Ct)));
    }

    private static (string Code, string? Field) Fault<T>(Result<T> result) => (result.ShouldFail().Code, result.ShouldFail().Field);
}

public sealed class TillSessionSqliteTests() : TillSessionTests(DatabaseProvider.Sqlite);

public sealed class TillSessionPostgresTests() : TillSessionTests(DatabaseProvider.Postgres);
