using UniRetail.Kernel;

namespace UniRetail.Network.Domain.PickupPoints;

/// <summary>What a pickup point agreed to: parcels a day, the fee a parcel handed over earns it, the days a parcel waits.</summary>
internal sealed record PickupPointTerms(int ParcelCapacity, Money FeePerParcel, int HoldDays)
{
    public const int MaxParcelCapacity = 10_000;
    public const int DefaultHoldDays = 7;
    public const int MaxHoldDays = 30;
    public const decimal MaxFee = 1_000m;

    public static Result<PickupPointTerms> Of(int? parcelCapacity, decimal? feePerParcel, int? holdDays, Currency currency)
    {
        if (parcelCapacity is not { } capacity)
            return NetworkErrors.Required("parcelCapacity");
        if (capacity is < 1 or > MaxParcelCapacity)
            return PickupErrors.BadParcelCapacity();
        if (feePerParcel is not { } fee)
            return NetworkErrors.Required("feePerParcel");
        if (fee is < 0 or > MaxFee)
            return PickupErrors.BadFee(currency);
        var money = Money.Of(fee, currency, "feePerParcel");
        if (!money.IsSuccess)
            return PickupErrors.BadFee(currency);
        var days = holdDays ?? DefaultHoldDays;
        if (days is < 1 or > MaxHoldDays)
            return PickupErrors.BadHoldDays();
        return new PickupPointTerms(capacity, money.Value, days);
    }
}
