using PluginBot.Experts.Routing;

namespace PluginBot.Experts.Committees;

/// <summary>Settings of <see cref="ExpertCommittee"/>.</summary>
/// <remarks>The defaults never abstain on disagreement or confidence; a composition tightens them on purpose.</remarks>
public sealed record CommitteeOptions
{
    /// <summary>The gate's settings (mode and its abstention thresholds).</summary>
    public RouterOptions Routing { get; init; } = new();

    /// <summary>
    /// k in [0, 1]: the final confidence is the ensemble confidence × (1 − k × disagreement). With k = 1 a committee
    /// split evenly between long and short trades nothing even if its net score leans one way; with 0 disagreement
    /// is recorded but does not change size.
    /// </summary>
    public double DisagreementPenalty { get; init; } = 1;

    /// <summary>The committee abstains when disagreement exceeds this, in [0, 1].</summary>
    public double MaximumDisagreement { get; init; } = 1;

    /// <summary>
    /// The committee abstains when the final confidence (after the disagreement penalty) is below this, in [0, 1]:
    /// a trade that small costs more in fees than it is expected to earn.
    /// </summary>
    public double MinimumConfidence { get; init; }

    /// <summary>Checks the settings; the committee calls this once at construction.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside [0, 1].</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Routing);
        Routing.Validate();
        RequireUnit(DisagreementPenalty, nameof(DisagreementPenalty));
        RequireUnit(MaximumDisagreement, nameof(MaximumDisagreement));
        RequireUnit(MinimumConfidence, nameof(MinimumConfidence));
    }

    private static void RequireUnit(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be between 0 and 1.");
        }
    }
}
