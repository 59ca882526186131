using PluginBot.Experts.Ensembles;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.Committees;

/// <summary>
/// The state of one symbol inside a committee: its ensemble, and the arrays of its latest decision, reused on every
/// bar. The latest decision doubles as the pending one: its signals and gate weights are what the next close judges.
/// </summary>
internal sealed class DecisionBuffer
{
    public DecisionBuffer(string symbol, IReadOnlyList<string> expertNames, IEnsemble ensemble)
    {
        var expertCount = expertNames.Count;
        Symbol = symbol;
        ExpertNames = expertNames;
        Ensemble = ensemble;
        Signals = new Signal[expertCount];
        GateWeights = new double[expertCount];
        EnsembleWeights = new double[expertCount];
    }

    public string Symbol { get; }

    public IReadOnlyList<string> ExpertNames { get; }

    public IEnsemble Ensemble { get; }

    public Signal[] Signals { get; }

    public double[] GateWeights { get; }

    public double[] EnsembleWeights { get; }

    /// <summary>Bumped on every decision, so a <see cref="CommitteeDecision"/> can tell it has been overwritten.</summary>
    public int Version { get; set; }

    /// <summary>Whether a decision has been made, i.e. whether the arrays hold a pending decision to judge.</summary>
    public bool HasDecision { get; set; }

    public double LastClose { get; set; }

    public RegimeEstimate? Regime { get; set; }

    public EnsembleVote Vote { get; set; }

    public Signal FinalSignal { get; set; }

    public AbstentionReason Abstention { get; set; }

    /// <summary>The direction the close-to-close move judged the previous decision with (0 before any).</summary>
    public int LastRealisedDirection { get; set; }
}
