namespace PluginBot.Sdk.Plugins;

/// <summary>
/// One risk layer (position limit, daily loss, drawdown, …). Every intent passes every layer; any veto stops it,
/// scales multiply. Layers stay on when a strategy or plugin faults.
/// </summary>
public interface IRiskManager : IPlugin
{
    /// <summary>A stable name, recorded with every veto or scaling.</summary>
    string Name { get; }

    /// <summary>Judges one order intent.</summary>
    RiskAssessment Assess(in OrderIntent intent);

    /// <summary>
    /// Sees every closed bar (after fills and marking, before the strategy decides), so a layer can track what it
    /// needs between intents: peak equity for drawdown, returns for correlation, the time of the last bar for
    /// staleness. The default does nothing.
    /// </summary>
    void Observe(in Market.Bar bar)
    {
    }

    /// <summary>Where the layer stands now; the engine reports it with the decision records. Active by default.</summary>
    RiskState State => RiskState.Active;
}
