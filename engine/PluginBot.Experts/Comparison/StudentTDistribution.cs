namespace PluginBot.Experts.Comparison;

/// <summary>The Student t distribution's cumulative probabilities, for t-test p-values.</summary>
/// <remarks>
/// For ν degrees of freedom (any positive real: Welch's are rarely whole), P(|T| ≥ |t|) = I_{ν ÷ (ν + t²)}(ν ÷ 2, ½),
/// with I the regularised incomplete beta function (<see cref="SpecialFunctions"/>).
/// </remarks>
public static class StudentTDistribution
{
    /// <summary>P(T ≤ t).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The degrees of freedom are not positive, or t is NaN.</exception>
    public static double CumulativeProbability(double t, double degreesOfFreedom)
    {
        var tail = TwoSidedPValue(t, degreesOfFreedom) / 2;
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>P(|T| ≥ |t|): the two-sided p-value of a t statistic.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The degrees of freedom are not positive, or t is NaN.</exception>
    public static double TwoSidedPValue(double t, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive.");
        }

        if (double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "t must be a number.");
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        return SpecialFunctions.RegularisedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + (t * t)), degreesOfFreedom / 2, 0.5);
    }
}
