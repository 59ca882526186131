namespace PluginBot.Experts.Comparison;

/// <summary>The two expert sets an A/B comparison runs.</summary>
public enum ExpertSetRole
{
    /// <summary>The set in production: A, the one a comparison must beat.</summary>
    Control = 0,

    /// <summary>The set on trial: B.</summary>
    Candidate = 1,
}
