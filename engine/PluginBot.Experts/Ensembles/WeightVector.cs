namespace PluginBot.Experts.Ensembles;

/// <summary>Validation and normalisation of configured per-expert weights (priors, fixed vote weights).</summary>
internal static class WeightVector
{
    /// <summary>Copies the weights scaled to sum to 1.</summary>
    /// <exception cref="ArgumentException">Empty, a weight negative or not finite, or all zero.</exception>
    public static double[] Normalised(IReadOnlyList<double> source, string parameterName)
    {
        if (source.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed.", parameterName);
        }

        var copy = new double[source.Count];
        var total = 0.0;
        for (var index = 0; index < copy.Length; index++)
        {
            var value = source[index];
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentException($"Weight {index} is {value}; weights must be finite and not negative.", parameterName);
            }

            copy[index] = value;
            total += value;
        }

        if (total <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", parameterName);
        }

        Scale(copy, total);
        return copy;
    }

    /// <summary>Divides every weight by <paramref name="total"/> in place.</summary>
    public static void Scale(Span<double> weights, double total)
    {
        for (var index = 0; index < weights.Length; index++)
        {
            weights[index] /= total;
        }
    }

    /// <summary>The sum of the weights.</summary>
    public static double Sum(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        return total;
    }
}
