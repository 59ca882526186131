using PluginBot.Sdk.Market;

namespace PluginBot.Sdk.Plugins;

/// <summary>Turns a decision into a target position size. Equity, cash and positions come from the context's portfolio view.</summary>
public interface IPositionSizer : IPlugin
{
    /// <summary>
    /// The absolute target quantity for the signal's direction. The engine rounds it down to the lot size and
    /// checks the exchange's minimums; a zero result carries its reason into the decision record.
    /// </summary>
    SizingResult Size(in SizingRequest request);

    /// <summary>
    /// Sees every closed bar (after marking, before the strategy decides), so a sizer can measure volatility itself,
    /// for example an ATR for the distance to a stop. Does nothing unless the sizer needs it.
    /// </summary>
    void Observe(in Bar bar)
    {
    }
}
