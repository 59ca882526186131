namespace PluginBot.Cli.Commands;

/// <summary>Nearest-rank percentiles of benchmark samples.</summary>
internal static class Percentiles
{
    /// <summary>The sample at <paramref name="fraction"/> (0.5 = median, 0.99 = p99) of <paramref name="values"/>.</summary>
    public static double Of(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(fraction * sorted.Length))];
    }
}
