namespace PluginBot.Sdk.Plugins;

/// <summary>Turns a decision into a target position size. Equity and positions come from the context's portfolio view.</summary>
public interface IPositionSizer : IPlugin
{
    /// <summary>
    /// The absolute target quantity for the signal's direction, rounded to the lot size. Zero means "do not
    /// enter"; the engine records the sizer's reason from <see cref="LastReason"/> when it is set.
    /// </summary>
    decimal TargetQuantity(in SizingRequest request);

    /// <summary>Why the last call returned zero, or null.</summary>
    string? LastReason => null;
}
