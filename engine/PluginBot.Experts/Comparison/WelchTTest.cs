namespace PluginBot.Experts.Comparison;

/// <summary>
/// Welch's t-test for a difference in mean per-decision return between two expert sets. Unlike Student's test it
/// does not assume equal variances, which two sets trading different signals rarely have.
/// </summary>
/// <remarks>
/// t = (m₁ − m₂) ÷ √(v₁ ÷ n₁ + v₂ ÷ n₂) with sample variances v; degrees of freedom
/// ν = (v₁ ÷ n₁ + v₂ ÷ n₂)² ÷ ((v₁ ÷ n₁)² ÷ (n₁ − 1) + (v₂ ÷ n₂)² ÷ (n₂ − 1)); the p-value is two-sided from the
/// Student t distribution with ν degrees of freedom. Per-decision returns are treated as independent, which
/// overlapping holding spans violate: then read the p-value as optimistic.
/// </remarks>
public static class WelchTTest
{
    /// <summary>Compares two sets' running statistics.</summary>
    /// <exception cref="ArgumentException">A set has fewer than two decisions.</exception>
    public static WelchTestResult Compare(DecisionStatistics first, DecisionStatistics second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Compare(first.MeanReturn, first.ReturnVariance, first.Count, second.MeanReturn, second.ReturnVariance, second.Count);
    }

    /// <summary>Compares two samples given as values.</summary>
    /// <exception cref="ArgumentException">A sample has fewer than two values.</exception>
    public static WelchTestResult Compare(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        var (firstMean, firstVariance) = MeanAndVariance(first);
        var (secondMean, secondVariance) = MeanAndVariance(second);
        return Compare(firstMean, firstVariance, first.Length, secondMean, secondVariance, second.Length);
    }

    /// <summary>Compares two samples given by their summary statistics.</summary>
    /// <param name="firstMean">Mean of the first sample.</param>
    /// <param name="firstVariance">Sample (n − 1) variance of the first sample.</param>
    /// <param name="firstCount">Size of the first sample, at least 2.</param>
    /// <param name="secondMean">Mean of the second sample.</param>
    /// <param name="secondVariance">Sample (n − 1) variance of the second sample.</param>
    /// <param name="secondCount">Size of the second sample, at least 2.</param>
    /// <exception cref="ArgumentException">A sample is smaller than 2 or a variance is negative or not finite.</exception>
    public static WelchTestResult Compare(
        double firstMean, double firstVariance, long firstCount, double secondMean, double secondVariance, long secondCount)
    {
        if (firstCount < 2 || secondCount < 2)
        {
            throw new ArgumentException($"Welch's test needs at least two values per sample, got {firstCount} and {secondCount}.");
        }

        if (!(firstVariance >= 0 && double.IsFinite(firstVariance)) || !(secondVariance >= 0 && double.IsFinite(secondVariance)))
        {
            throw new ArgumentException("Variances must be finite and not negative.");
        }

        var firstShare = firstVariance / firstCount;
        var secondShare = secondVariance / secondCount;
        var squaredError = firstShare + secondShare;
        var difference = firstMean - secondMean;
        if (squaredError <= 0)
        {
            return new WelchTestResult(difference, 0, double.NaN, double.NaN, double.NaN);
        }

        var degrees = squaredError * squaredError
            / ((firstShare * firstShare / (firstCount - 1)) + (secondShare * secondShare / (secondCount - 1)));
        var standardError = Math.Sqrt(squaredError);
        var t = difference / standardError;
        return new WelchTestResult(difference, standardError, t, degrees, StudentTDistribution.TwoSidedPValue(t, degrees));
    }

    private static (double Mean, double Variance) MeanAndVariance(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException($"Welch's test needs at least two values per sample, got {values.Length}.");
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        return (mean, squares / (values.Length - 1));
    }
}
