namespace PluginBot.Experts.Ensembles;

/// <summary>Settings of <see cref="DynamicWeightedMajorityEnsemble"/>.</summary>
public sealed record DynamicWeightedMajorityOptions
{
    /// <summary>
    /// β: the factor a wrong expert's weight is multiplied by, in (0, 1). Smaller punishes harder and adapts faster
    /// but trusts a lucky streak more; 0.5 is the classic choice.
    /// </summary>
    public double Penalty { get; init; } = 0.5;

    /// <summary>
    /// The floor every normalised weight is raised to before renormalising, in [0, 1 ÷ experts). Without it a long
    /// bad run drives an expert to (numerically) zero and it can never win trust back when the market changes.
    /// </summary>
    public double MinimumWeight { get; init; } = 0.01;

    /// <summary>Checks the settings against the number of experts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is outside its range.</exception>
    public void Validate(int expertCount)
    {
        if (!(Penalty > 0 && Penalty < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Penalty), Penalty, "The penalty β must be strictly between 0 and 1.");
        }

        if (!(MinimumWeight >= 0 && MinimumWeight * expertCount < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumWeight), MinimumWeight, "The floor must be at least 0 and below 1 ÷ the number of experts.");
        }
    }
}
