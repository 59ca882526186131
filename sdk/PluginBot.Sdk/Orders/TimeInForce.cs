namespace PluginBot.Sdk.Orders;

/// <summary>How long an order stays working.</summary>
public enum TimeInForce
{
    /// <summary>Works until filled or cancelled.</summary>
    GoodTillCancelled = 1,

    /// <summary>Fills what it can on arrival; the rest is cancelled.</summary>
    ImmediateOrCancel = 2,

    /// <summary>Fills completely on arrival or not at all.</summary>
    FillOrKill = 3,
}
