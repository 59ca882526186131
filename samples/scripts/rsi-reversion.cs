// A script strategy: save this file while the engine runs and the new version trades from the next bar on.
// Buys when RSI(14) of the close falls below 30, exits when it rises above 55.
// It carries its recent closes to its next version, so a reload does not wait for the RSI to warm up again.
using System.Collections.Generic;
using PluginBot.Indicators;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

public sealed class RsiReversion : IStrategy, IStateCarrier
{
    private const int Period = 14;
    private const int Remembered = 200;
    private readonly RelativeStrengthIndex rsi = new(Period);
    private readonly Queue<double> closes = new();

    public void Initialize(IPluginContext context) => context.Log.Information("RSI reversion ready");

    public Signal OnBar(in Bar bar)
    {
        Add((double)bar.Close);
        if (!rsi.IsReady)
        {
            return Signal.Hold;
        }

        var horizon = bar.Interval.Duration * Period;
        if (rsi.Value < 30)
        {
            return Signal.Long(0.7, horizon);
        }

        return rsi.Value > 55 ? Signal.Flat(1, horizon) : Signal.Hold;
    }

    public void SaveState(StrategyState state)
    {
        state.Layout = 1;
        state.SetSeries("closes", closes.ToArray());
    }

    public bool RestoreState(StrategyState state)
    {
        if (state.Layout != 1 || !state.TryGetSeries("closes", out var saved))
        {
            return false;
        }

        foreach (var close in saved)
        {
            Add(close);
        }

        return true;
    }

    private void Add(double close)
    {
        rsi.Update(close);
        closes.Enqueue(close);
        if (closes.Count > Remembered)
        {
            closes.Dequeue();
        }
    }
}
