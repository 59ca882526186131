using PluginBot.Indicators;

namespace PluginBot.Plugins.EmaCross;

/// <summary>The fast and slow averages of one symbol.</summary>
internal sealed class SymbolAverages(int fastPeriod, int slowPeriod)
{
    public ExponentialMovingAverage Fast { get; } = new(fastPeriod);

    public ExponentialMovingAverage Slow { get; } = new(slowPeriod);
}
