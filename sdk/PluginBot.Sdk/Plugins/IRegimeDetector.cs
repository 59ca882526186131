using PluginBot.Sdk.Market;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Sdk.Plugins;

/// <summary>Estimates the market regime from the bars seen so far (never from later ones).</summary>
public interface IRegimeDetector : IPlugin
{
    /// <summary>Updates with a closed bar and returns the regime probabilities after it.</summary>
    RegimeEstimate Update(in Bar bar);
}
