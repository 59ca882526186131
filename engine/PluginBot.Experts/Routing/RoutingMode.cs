namespace PluginBot.Experts.Routing;

/// <summary>How the gate turns regime probabilities into expert weights.</summary>
public enum RoutingMode
{
    /// <summary>
    /// Only the experts of the most probable regime vote, with equal gate weights. Simple to audit, but the
    /// committee jumps between sets when two regimes are nearly as likely.
    /// </summary>
    Hard = 0,

    /// <summary>
    /// Every expert's gate weight is the probability mass of the regimes it serves, normalised over experts, so the
    /// committee moves smoothly as the regime estimate shifts.
    /// </summary>
    Soft = 1,
}
