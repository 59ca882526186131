namespace PluginBot.Experts.Comparison;

/// <summary>The outcome of Welch's t-test between two sets' per-decision returns.</summary>
/// <param name="MeanDifference">Mean of the first minus mean of the second.</param>
/// <param name="StandardError">√(s₁² ÷ n₁ + s₂² ÷ n₂).</param>
/// <param name="TStatistic">Mean difference ÷ standard error; positive when the first set earns more.</param>
/// <param name="DegreesOfFreedom">The Welch–Satterthwaite degrees of freedom (usually not a whole number).</param>
/// <param name="PValue">
/// Two-sided: the probability of a |t| at least this large if both sets had the same mean return. NaN (as is t)
/// when both samples have zero spread, where the test has nothing to say.
/// </param>
public readonly record struct WelchTestResult(
    double MeanDifference,
    double StandardError,
    double TStatistic,
    double DegreesOfFreedom,
    double PValue);
