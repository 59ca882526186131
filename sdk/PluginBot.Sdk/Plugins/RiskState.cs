namespace PluginBot.Sdk.Plugins;

/// <summary>How much a risk layer currently lets through.</summary>
public enum RiskState
{
    /// <summary>Normal: intents are judged on their merits.</summary>
    Active = 0,

    /// <summary>Only intents that reduce risk pass (for example after the hard drawdown limit).</summary>
    Reducing = 1,

    /// <summary>No new entries at all until the layer resets (for example after the daily loss limit, until 00:00 UTC).</summary>
    Halted = 2,
}
