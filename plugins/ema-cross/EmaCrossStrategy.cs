using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.EmaCross;

/// <summary>
/// Exponential moving average crossover: asks to be long while the fast average of the close is above the slow
/// one, and flat (or short, with <c>shortOnBearishCross</c>) while it is below. Holds until both averages are ready.
/// Settings: <c>fastPeriod</c> (default 12), <c>slowPeriod</c> (default 26, greater than fastPeriod), <c>shortOnBearishCross</c>.
/// </summary>
public sealed class EmaCrossStrategy : IStrategy
{
    private readonly Dictionary<string, SymbolAverages> averages = new(StringComparer.Ordinal);
    private int fastPeriod = 12;
    private int slowPeriod = 26;
    private bool shortOnBearishCross;
    private string? lastSymbol;
    private SymbolAverages? lastAverages;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        var settings = context.Settings;
        settings.RejectUnknown("fastPeriod", "slowPeriod", "shortOnBearishCross");
        fastPeriod = settings.GetInt32("fastPeriod", 12, minimum: 1);
        slowPeriod = settings.GetInt32("slowPeriod", 26, minimum: 2);
        shortOnBearishCross = settings.GetBoolean("shortOnBearishCross", false);
        if (fastPeriod >= slowPeriod)
        {
            throw new PluginSettingsException($"{settings.Path}.fastPeriod", $"expected a value below slowPeriod ({slowPeriod}), found {fastPeriod}");
        }
    }

    /// <inheritdoc />
    public Signal OnBar(in Bar bar)
    {
        var symbolAverages = AveragesFor(bar.Symbol);
        var close = (double)bar.Close;
        symbolAverages.Fast.Update(close);
        symbolAverages.Slow.Update(close);
        if (!symbolAverages.Slow.IsReady)
        {
            return Signal.Hold;
        }

        var horizon = bar.Interval.Duration * slowPeriod;
        if (symbolAverages.Fast.Value > symbolAverages.Slow.Value)
        {
            return Signal.Long(1, horizon);
        }

        if (symbolAverages.Fast.Value < symbolAverages.Slow.Value)
        {
            return shortOnBearishCross ? Signal.Short(1, horizon) : Signal.Flat(1, horizon);
        }

        return Signal.Hold;
    }

    private SymbolAverages AveragesFor(string symbol)
    {
        // Bars of one feed share their symbol string: a reference check avoids hashing on every bar.
        if (ReferenceEquals(symbol, lastSymbol))
        {
            return lastAverages!;
        }

        if (!averages.TryGetValue(symbol, out var found))
        {
            found = new SymbolAverages(fastPeriod, slowPeriod);
            averages.Add(symbol, found);
        }

        lastSymbol = symbol;
        lastAverages = found;
        return found;
    }
}
