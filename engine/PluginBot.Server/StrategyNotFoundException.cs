namespace PluginBot.Server;

/// <summary>Thrown by an <see cref="IEngineControl"/> for a strategy name the host does not run; the API answers 404 naming it.</summary>
public sealed class StrategyNotFoundException : Exception
{
    /// <summary>Creates the exception for <paramref name="strategy"/>.</summary>
    public StrategyNotFoundException(string strategy)
        : base($"No strategy named '{strategy}' runs in this host.")
    {
        Strategy = strategy;
    }

    /// <summary>The name asked for.</summary>
    public string Strategy { get; }
}
