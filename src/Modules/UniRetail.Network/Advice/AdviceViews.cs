using UniRetail.Web;

namespace UniRetail.Network.Advice;

/// <summary>
/// A similar shop as the advice names it. A shop sees only a label, how similar (the combined score, the cosine of the two
/// sales mixes) and the distance to the nearest kilometre; the platform, which reads every shop's shared sales anyway, also
/// sees its agreement and tenant id.
/// </summary>
public sealed record SimilarShopView(string Label, double Similarity, double SalesMixCosine, double DistanceKm, string? AgreementId, string? ShopId);

/// <summary>
/// Whom the network-based advice came from: the similar shops of the same platform and the weeks compared, or why there is
/// none (<see cref="Note"/>: the shop is not on a platform, or its platform has no other shop with a profile yet).
/// </summary>
public sealed record NetworkBasis(bool OnPlatform, int Weeks, IReadOnlyList<SimilarShopView> SimilarShops, int ShopsSharingBaskets, string? Note);

/// <summary>
/// A product to add: sold by <see cref="ShopsSelling"/> of the similar shops at <see cref="SimilarWeeklyUnits"/> a week on
/// average (wholesale units, over those selling it), expected here at <see cref="ExpectedWeeklyUnits"/> of the shop's units
/// (scaled to its size), its unit cost (the case price / units a case), the price the shop can expect and where that comes
/// from (<see cref="PriceBasis"/>: <c>shop</c>, <c>shop_markup</c>, <c>default_markup</c>), the unit and the weekly margin.
/// </summary>
public sealed record AddAdviceView(
    string WholesaleSku, string Sku, int UnitsPerCase, double ExpectedWeeklyUnits, MoneyView? ExpectedWeeklyMargin, int ShopsSelling, int SimilarShops,
    double SimilarWeeklyUnits, MoneyView UnitCost, MoneyView? ExpectedPrice, string PriceBasis, MoneyView? UnitMargin);

/// <summary>
/// A slow mover to drop: units on hand and what they cost (<see cref="CashTiedUp"/>, null when the SKU has no wholesale cost),
/// units sold in the last <see cref="Weeks"/> weeks, weeks the stock lasts at that rate (null: it does not sell), and its
/// weekly sales over what the similar shops' sales suggest for this shop (null: they do not sell it).
/// </summary>
public sealed record DropAdviceView(
    string Sku, int OnHand, MoneyView? CashTiedUp, long UnitsSold, int Weeks, double WeeklyUnits, double? WeeksOfCover, double? SimilarWeeklyUnits, double? SellThroughVsSimilar);

/// <summary>
/// Two products to place side by side: baskets that held both of all baskets counted, support, confidence each way, lift;
/// <see cref="Source"/> is <c>shop</c> (its own till) or <c>network</c> (the similar shops that share their baskets, summed).
/// </summary>
public sealed record SideBySideView(string Sku, string Other, string Source, long Together, long Baskets, double Support, double Confidence, double ConfidenceBack, double Lift);

/// <summary>A best seller for eye level: units sold in the last <see cref="Weeks"/> weeks, weekly units and margin, and its rank by each.</summary>
public sealed record EyeLevelView(
    string Sku, long UnitsSold, int Weeks, double WeeklyUnits, MoneyView? Price, MoneyView? UnitCost, MoneyView? WeeklyMargin, int UnitsRank, int MarginRank);

/// <summary>A shop location's assortment and display advice, each item with the evidence behind it.</summary>
public sealed record ShopAdviceView(
    string LocationId, DateOnly AsOf, string Currency, NetworkBasis Network, IReadOnlyList<AddAdviceView> Add, IReadOnlyList<DropAdviceView> Drop,
    IReadOnlyList<SideBySideView> SideBySide, IReadOnlyList<EyeLevelView> EyeLevel);

/// <summary>What a refresh of the platform's shop profiles did.</summary>
public sealed record ProfilesRefreshedView(int Shops, int Locations, DateOnly AsOf);
