using PluginBot.Indicators;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Samples.BreakoutStrategy;

/// <summary>
/// A sample strategy plugin: long when the close breaks above the highest high of the previous <c>period</c>
/// bars, flat when it breaks below the lowest low. Single-symbol for brevity: one channel for every bar it gets.
/// </summary>
public sealed class BreakoutStrategy : IStrategy
{
    private DonchianChannels channel = new(20);
    private int period = 20;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        // Refuse misspelt settings instead of silently using the default.
        context.Settings.RejectUnknown("period");
        period = context.Settings.GetInt32("period", 20, minimum: 2);
        channel = new DonchianChannels(period);
    }

    /// <inheritdoc />
    public Signal OnBar(in Bar bar)
    {
        // Compare with the channel of the bars before this one, then add this bar: no look-ahead.
        var ready = channel.IsReady;
        var upper = channel.Upper;
        var lower = channel.Lower;
        channel.Update(BarSample.From(in bar));
        if (!ready)
        {
            return Signal.Hold;
        }

        var close = (double)bar.Close;
        var horizon = bar.Interval.Duration * period;
        if (close > upper)
        {
            return Signal.Long(0.8, horizon);
        }

        return close < lower ? Signal.Flat(0.8, horizon) : Signal.Hold;
    }
}
