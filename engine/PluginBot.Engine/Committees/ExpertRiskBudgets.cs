namespace PluginBot.Engine.Committees;

/// <summary>
/// The <c>riskBudget</c> of each expert in a committee's roster: the most of the account's equity that the part of a
/// position attributable to that expert may represent. An expert without a budget is unlimited
/// (<see cref="double.PositiveInfinity"/>), so one risky model can be capped without capping the committee.
/// </summary>
public sealed class ExpertRiskBudgets
{
    private readonly string[] names;
    private readonly double[] fractions;

    /// <summary>Creates the budgets of a roster.</summary>
    /// <param name="expertNames">The roster names, in roster order (the names the decision record uses).</param>
    /// <param name="budgets">Per expert, its fraction of equity in (0, 1], or null for no budget.</param>
    /// <exception cref="ArgumentException">Not one budget per expert.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A budget is not in (0, 1].</exception>
    public ExpertRiskBudgets(IReadOnlyList<string> expertNames, IReadOnlyList<double?> budgets)
    {
        ArgumentNullException.ThrowIfNull(expertNames);
        ArgumentNullException.ThrowIfNull(budgets);
        if (expertNames.Count != budgets.Count)
        {
            throw new ArgumentException($"Expected {expertNames.Count} budgets (one per expert), got {budgets.Count}.", nameof(budgets));
        }

        names = [.. expertNames];
        fractions = new double[budgets.Count];
        for (var index = 0; index < fractions.Length; index++)
        {
            if (budgets[index] is not { } budget)
            {
                fractions[index] = double.PositiveInfinity;
                continue;
            }

            if (!(budget > 0 && budget <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(budgets), budget, $"The risk budget of {names[index]} must be above 0 and at most 1.");
            }

            fractions[index] = budget;
            HasAny = true;
        }
    }

    /// <summary>The roster names, in roster order.</summary>
    public IReadOnlyList<string> ExpertNames => names;

    /// <summary>Per expert, its fraction of equity; <see cref="double.PositiveInfinity"/> for no budget.</summary>
    public ReadOnlySpan<double> Fractions => fractions;

    /// <summary>
    /// Whether any expert has a budget. Without one the committee keeps no attribution and the execution engine
    /// never looks, so compositions that do not use budgets pay nothing for them.
    /// </summary>
    public bool HasAny { get; }

    /// <summary>How many experts the roster has.</summary>
    public int Count => fractions.Length;
}
