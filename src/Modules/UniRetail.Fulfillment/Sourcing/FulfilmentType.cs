namespace UniRetail.Fulfillment.Sourcing;

internal enum FulfilmentType
{
    ShipToHome,
    PickupInStore,
    SameDayDelivery,
    InStorePurchase,
    EndlessAisle,
}
