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
}
