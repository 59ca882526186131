namespace PluginBot.Sdk.Orders;

/// <summary>Buy or sell.</summary>
public enum OrderSide
{
    /// <summary>Buy: increases a long or reduces a short.</summary>
    Buy = 1,

    /// <summary>Sell: reduces a long or increases a short.</summary>
    Sell = 2,
}
