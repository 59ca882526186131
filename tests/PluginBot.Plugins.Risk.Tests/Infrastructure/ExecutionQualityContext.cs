using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>
/// The engine's real plugin context with the execution quality replaced by a test's view: until the engine's
/// execution tracker is wired into the context, this is how a layer that reads execution quality is shown some.
/// </summary>
internal sealed class ExecutionQualityContext(IPluginContext inner, IExecutionQualityView quality) : IPluginContext
{
    public IClock Clock => inner.Clock;

    public IPortfolioView Portfolio => inner.Portfolio;

    public IInstrumentCatalog Instruments => inner.Instruments;

    public IPluginLogger Log => inner.Log;

    public PluginSettings Settings => inner.Settings;

    public IExecutionQualityView ExecutionQuality => quality;
}
