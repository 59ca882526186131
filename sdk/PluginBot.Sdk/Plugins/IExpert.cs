using PluginBot.Sdk.Market;
using PluginBot.Sdk.Signals;

namespace PluginBot.Sdk.Plugins;

/// <summary>
/// A model specialised for some market regimes. The router asks the experts of the current regime and combines
/// their signals; an expert without a view returns <see cref="Signal.Hold"/> (it abstains).
/// </summary>
public interface IExpert : IPlugin
{
    /// <summary>A stable name, used in decision records and A/B statistics.</summary>
    string Name { get; }

    /// <summary>Updates the expert with a closed bar and returns its view.</summary>
    Signal Evaluate(in Bar bar);
}
