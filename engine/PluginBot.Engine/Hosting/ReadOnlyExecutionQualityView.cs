using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Hosting;

/// <summary>
/// What plugins get of the execution tracker: the numbers, through a wrapper that cannot be cast back to the
/// tracker (whose feeding methods belong to the execution engine alone).
/// </summary>
internal sealed class ReadOnlyExecutionQualityView(IExecutionQualityView inner) : IExecutionQualityView
{
    public int FillCount => inner.FillCount;

    public double AverageSlippageBasisPoints => inner.AverageSlippageBasisPoints;

    public TimeSpan LastFillLatency => inner.LastFillLatency;

    public TimeSpan MedianFillLatency => inner.MedianFillLatency;

    public double RecentHitRate => inner.RecentHitRate;

    public int ConsecutiveLosses => inner.ConsecutiveLosses;

    public double MarketImpactBasisPoints => inner.MarketImpactBasisPoints;
}
