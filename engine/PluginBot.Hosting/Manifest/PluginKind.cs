namespace PluginBot.Hosting.Manifest;

/// <summary>
/// The role a plugin plays in the engine's pipeline. The kind decides which SDK interface the entry type must
/// implement and which safe behaviour the engine substitutes when the plugin faults.
/// </summary>
/// <remarks>Manifest files spell kinds in kebab case; see <see cref="PluginKindExtensions"/> for the mapping.</remarks>
public enum PluginKind
{
    /// <summary>A model that votes on direction for some market regimes ("expert").</summary>
    Expert,

    /// <summary>Estimates the probabilities of the market regimes ("regime-detector").</summary>
    RegimeDetector,

    /// <summary>Vetoes or scales order intents ("risk-manager").</summary>
    RiskManager,

    /// <summary>Turns an approved intent into a quantity ("position-sizer").</summary>
    PositionSizer,

    /// <summary>Connects the engine to a venue, simulated or real ("exchange-adapter").</summary>
    ExchangeAdapter,

    /// <summary>A complete decision maker that turns bars into signals ("strategy").</summary>
    Strategy,
}
