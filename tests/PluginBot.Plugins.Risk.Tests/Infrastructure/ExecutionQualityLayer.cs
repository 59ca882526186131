using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>
/// Runs a layer in a backtest session with the session's own context except for the execution quality, which is the
/// test's view: everything else (clock, portfolio, settings, the engine's order flow) is the real thing.
/// </summary>
internal sealed class ExecutionQualityLayer(IRiskManager inner, IExecutionQualityView quality) : IRiskManager
{
    public string Name => inner.Name;

    public RiskState State => inner.State;

    public void Initialize(IPluginContext context) => inner.Initialize(new ExecutionQualityContext(context, quality));

    public RiskAssessment Assess(in OrderIntent intent) => inner.Assess(in intent);

    public void Observe(in Bar bar) => inner.Observe(in bar);
}
