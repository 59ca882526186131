using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>An execution-quality view whose every figure the test sets, so each case states the execution it is judged on.</summary>
internal sealed class FakeExecutionQuality : IExecutionQualityView
{
    public int FillCount { get; set; }

    public double AverageSlippageBasisPoints { get; set; }

    public TimeSpan LastFillLatency { get; set; }

    public TimeSpan MedianFillLatency { get; set; }

    public double RecentHitRate { get; set; } = 0.5;

    public int ConsecutiveLosses { get; set; }

    public double MarketImpactBasisPoints { get; set; }
}
