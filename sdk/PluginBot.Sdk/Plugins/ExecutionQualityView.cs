namespace PluginBot.Sdk.Plugins;

/// <summary>The execution quality of an engine that has not executed anything yet.</summary>
public sealed class ExecutionQualityView : IExecutionQualityView
{
    private ExecutionQualityView()
    {
    }

    /// <summary>The view plugins see before the engine tracks executions (and in contexts made by tests).</summary>
    public static IExecutionQualityView Empty { get; } = new ExecutionQualityView();

    /// <inheritdoc />
    public int FillCount => 0;

    /// <inheritdoc />
    public double AverageSlippageBasisPoints => 0;

    /// <inheritdoc />
    public TimeSpan LastFillLatency => TimeSpan.Zero;

    /// <inheritdoc />
    public TimeSpan MedianFillLatency => TimeSpan.Zero;

    /// <inheritdoc />
    public double RecentHitRate => 0.5;

    /// <inheritdoc />
    public int ConsecutiveLosses => 0;

    /// <inheritdoc />
    public double MarketImpactBasisPoints => 0;
}
