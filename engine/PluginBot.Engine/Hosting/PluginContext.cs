using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Engine.Hosting;

/// <summary>
/// The narrow, read-only view of the engine handed to one plugin. The clock and portfolio are wrapped, so a
/// plugin cannot cast them back to the engine's mutable objects.
/// </summary>
public sealed class PluginContext : IPluginContext
{
    /// <summary>Creates a context over the engine's clock and portfolio.</summary>
    public PluginContext(IClock clock, IPortfolioView portfolio, IInstrumentCatalog instruments, IPluginLogger log, PluginSettings settings, IExecutionQualityView? executionQuality = null)
    {
        ExecutionQuality = executionQuality is null ? ExecutionQualityView.Empty : new ReadOnlyExecutionQualityView(executionQuality);
        Clock = new ReadOnlyClock(clock);
        Portfolio = new ReadOnlyPortfolioView(portfolio);
        Instruments = instruments;
        Log = log;
        Settings = settings;
    }

    /// <inheritdoc />
    public IClock Clock { get; }

    /// <inheritdoc />
    public IPortfolioView Portfolio { get; }

    /// <inheritdoc />
    public IInstrumentCatalog Instruments { get; }

    /// <inheritdoc />
    public IPluginLogger Log { get; }

    /// <inheritdoc />
    public PluginSettings Settings { get; }

    /// <inheritdoc />
    public IExecutionQualityView ExecutionQuality { get; }
}
