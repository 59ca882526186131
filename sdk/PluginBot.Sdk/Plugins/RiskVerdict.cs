namespace PluginBot.Sdk.Plugins;

/// <summary>What a risk layer decides about an order intent.</summary>
public enum RiskVerdict
{
    /// <summary>Send it unchanged.</summary>
    Approve = 0,

    /// <summary>Send it with its quantity multiplied by the assessment's scale.</summary>
    Scale = 1,

    /// <summary>Do not send it.</summary>
    Veto = 2,
}
