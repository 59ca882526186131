namespace PluginBot.Sdk.Signals;

/// <summary>The position a decision asks for.</summary>
public enum SignalDirection
{
    /// <summary>No opinion: keep whatever position there is.</summary>
    Hold = 0,

    /// <summary>Be long.</summary>
    Long = 1,

    /// <summary>Be short.</summary>
    Short = 2,

    /// <summary>Be flat: close any position.</summary>
    Flat = 3,
}
