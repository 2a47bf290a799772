using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Orders.Domain;

namespace UniRetail.Orders.PlaceOrder;

/// <summary>A place-order request whose every field has been checked on its own (no I/O yet).</summary>
internal sealed record OrderDraft(
    SalesChannel Channel,
    FulfilmentType Fulfilment,
    LocationId? Store,
    MemberId? Member,
    GeoPoint? Destination,
    string? Currency,
    bool PaymentCaptured,
    IReadOnlyList<(Sku Sku, Quantity Quantity)> Lines,
    BenefitsDraft Benefits)
{
    public const int MaxLines = 100;

    /// <summary>The most coupons one order carries (Loyalty redeems one code per basket).</summary>
    public const int MaxCoupons = 1;

    public static Result<OrderDraft> Parse(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = SalesChannels.Parse(request.Channel);
        if (!channel.IsSuccess)
            return channel.Error;
        var fulfilment = FulfilmentRules.Parse(request.Fulfilment);
        if (!fulfilment.IsSuccess)
            return fulfilment.Error;
        if (!FulfilmentRules.Allows(fulfilment.Value, channel.Value))
            return OrderErrors.ChannelMismatch(FulfilmentTypes.ToName(fulfilment.Value), SalesChannels.ToName(channel.Value));
        var lines = ParseLines(request.Lines);
        if (!lines.IsSuccess)
            return lines.Error;
        GeoPoint? destination = null;
        if (request.Destination is { } d)
        {
            if (d.Latitude is null || d.Longitude is null)
                return OrderErrors.DestinationIncomplete();
            var point = GeoPoint.Of(d.Latitude.Value, d.Longitude.Value, "destination.latitude");
            if (!point.IsSuccess)
                return point.Error;
            destination = point.Value;
        }
        var store = string.IsNullOrWhiteSpace(request.StoreId) ? (LocationId?)null : new LocationId(request.StoreId.Trim());
        var member = string.IsNullOrWhiteSpace(request.MemberId) ? (MemberId?)null : new MemberId(request.MemberId.Trim());
        var paid = fulfilment.Value == FulfilmentType.InStorePurchase || request.PaymentCaptured == true;
        var benefits = BenefitsDraft.Parse(request, member);
        if (!benefits.IsSuccess)
            return benefits.Error;
        return new OrderDraft(channel.Value, fulfilment.Value, store, member, destination, request.Currency, paid, lines.Value, benefits.Value);
    }

    private static Result<IReadOnlyList<(Sku, Quantity)>> ParseLines(IReadOnlyList<OrderLineRequest>? requested)
    {
        if (requested is not { Count: > 0 })
            return OrderErrors.NoLines("An order");
        if (requested.Count > MaxLines)
            return OrderErrors.TooManyLines("An order", MaxLines);
        var lines = new List<(Sku, Quantity)>(requested.Count);
        var seen = new HashSet<Sku>();
        for (var i = 0; i < requested.Count; i++)
        {
            var sku = Sku.Parse(requested[i].Sku, $"lines[{i}].sku");
            if (!sku.IsSuccess)
                return sku.Error;
            var quantity = Quantity.Of(requested[i].Quantity, $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            if (!seen.Add(sku.Value))
                return OrderErrors.DuplicateLine(sku.Value.Value, i);
            lines.Add((sku.Value, quantity.Value));
        }
        return lines;
    }
}

/// <summary>The benefits a request pays with, checked for shape (amounts still in the request's decimals; the currency is the tenant's).</summary>
internal sealed record BenefitsDraft(
    string? Coupon, long Points, decimal? Wallet, string? WalletCurrency, string? GiftCardCode, decimal? GiftCard, string? GiftCardCurrency, Guest? Guest = null)
{
    public static BenefitsDraft None { get; } = new(null, 0, null, null, null, null, null);

    /// <summary>The longest anonymous id and e-mail a guest is named by.</summary>
    public const int MaxGuestId = 254;

    /// <summary>Anything for Loyalty to redeem.</summary>
    public bool Any => Coupon is not null || Points > 0 || Wallet is > 0 || GiftCard is > 0;

    public static Result<BenefitsDraft> Parse(PlaceOrderRequest request, MemberId? member)
    {
        string? coupon = null;
        if (request.Coupons is { Count: > 0 } coupons)
        {
            if (coupons.Count > OrderDraft.MaxCoupons)
                return OrderErrors.TooManyCoupons(OrderDraft.MaxCoupons);
            if (string.IsNullOrWhiteSpace(coupons[0]) || coupons[0]!.Length > 64)
                return OrderErrors.BadCoupon();
            coupon = coupons[0]!.Trim();
        }
        var points = request.Points ?? 0;
        if (points < 0)
            return OrderErrors.NegativeBenefit("points");
        decimal? wallet = null;
        if (request.Wallet is { } w)
        {
            if (w.Amount is not { } amount)
                return OrderErrors.MissingAmount("wallet.amount");
            if (amount < 0)
                return OrderErrors.NegativeBenefit("wallet.amount");
            wallet = amount;
        }
        decimal? gift = null;
        string? giftCode = null;
        if (request.GiftCard is { } g)
        {
            if (g.Amount?.Amount is not { } amount)
                return OrderErrors.MissingAmount("giftCard.amount.amount");
            if (amount < 0)
                return OrderErrors.NegativeBenefit("giftCard.amount.amount");
            if (string.IsNullOrWhiteSpace(g.Code))
                return OrderErrors.MissingAmount("giftCard.code");
            (gift, giftCode) = (amount, g.Code.Trim());
        }
        if (member is null && (points > 0 || wallet is > 0))
            return OrderErrors.BenefitsNeedMember(points > 0 ? "points" : "wallet");
        var guest = ParseGuest(request.Guest, member);
        if (!guest.IsSuccess)
            return guest.Error;
        return new BenefitsDraft(coupon, points, wallet, request.Wallet?.Currency, giftCode, gift, request.GiftCard?.Amount?.Currency, guest.Value);
    }

    /// <summary>A guest's anonymous id and/or e-mail (at least one), only on an order without a member.</summary>
    private static Result<Guest?> ParseGuest(GuestRequest? request, MemberId? member)
    {
        if (request is null)
            return (Guest?)null;
        if (member is not null)
            return OrderErrors.GuestWithMember();
        var anonymousId = string.IsNullOrWhiteSpace(request.AnonymousId) ? null : request.AnonymousId.Trim();
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (anonymousId is null && email is null)
            return OrderErrors.MissingAmount("guest.anonymousId");
        if (anonymousId is not null && (anonymousId.Length > MaxGuestId || anonymousId.Any(char.IsControl)))
            return OrderErrors.BadGuest("guest.anonymousId", $"An anonymous id has 1 to {MaxGuestId} characters, none of them control characters.");
        if (email is not null && (email.Length > MaxGuestId || email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
            return OrderErrors.BadGuest("guest.email", $"An e-mail address has a name, an @ and a domain, at most {MaxGuestId} characters and no spaces.");
        return new Guest(anonymousId, email);
    }
}
