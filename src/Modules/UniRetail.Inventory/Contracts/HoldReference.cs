using UniRetail.Inventory.Domain;
using UniRetail.Kernel;

namespace UniRetail.Inventory.Contracts;

/// <summary>Who stock is held for. An order's holds move only with the order's verbs; a cart's through the inventory API.</summary>
public enum HoldOwner
{
    /// <summary>An order: its id is the reference.</summary>
    Order,
    /// <summary>A cart (or an external system's basket): a reference the client chose or was given.</summary>
    Cart,
}

/// <summary>
/// The owner and name of a set of holds. Two references are the same only when both owner and value are:
/// a cart named like an order id is still a cart.
/// </summary>
public readonly record struct HoldReference
{
    /// <summary>The longest cart reference a client may choose.</summary>
    public const int MaxCartLength = 100;

    private HoldReference(HoldOwner owner, string value)
    {
        Owner = owner;
        Value = value;
    }

    /// <summary>Whose holds these are.</summary>
    public HoldOwner Owner { get; }

    /// <summary>The order id or the cart's reference.</summary>
    public string Value { get; }

    /// <summary>The order, when an order owns the holds.</summary>
    public OrderId? Order => Owner == HoldOwner.Order ? new OrderId(Value) : null;

    /// <summary>The holds of an order.</summary>
    public static HoldReference ForOrder(OrderId order) => new(HoldOwner.Order, order.Value);

    /// <summary>A new cart with a generated reference (<c>cart_…</c>).</summary>
    public static HoldReference NewCart() => new(HoldOwner.Cart, NewId.With("cart"));

    /// <summary>
    /// A cart reference a client chose: 1 to <see cref="MaxCartLength"/> printable ASCII characters without spaces or
    /// slashes (it travels in a URL path), and not <c>.</c> or <c>..</c>.
    /// </summary>
    public static Result<HoldReference> ForCart(string? value, string field = "reference")
    {
        if (value is null || value.Length is 0 or > MaxCartLength || value is "." or ".." || !value.All(c => c is > ' ' and <= '~' and not '/' and not '\\'))
        {
            return InventoryErrors.BadHoldReference(field);
        }
        return new HoldReference(HoldOwner.Cart, value);
    }

    /// <summary>A reference read back from storage, where it was validated on the way in.</summary>
    public static HoldReference FromStored(HoldOwner owner, string value) => new(owner, value);

    /// <inheritdoc />
    public override string ToString() => $"{(Owner == HoldOwner.Order ? "order" : "cart")} {Value}";
}
