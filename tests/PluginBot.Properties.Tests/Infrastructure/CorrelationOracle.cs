namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// An independent, deliberately naive model of the correlation layer's clustering, for the property's oracle: every
/// return kept in a list, correlation by the two-pass textbook formula over the bar times two symbols share among
/// their last <c>window</c> returns, clusters by repeated merging. Slow and obvious rather than fast and clever.
/// </summary>
internal sealed class CorrelationOracle(int window, int minimumObservations, double threshold)
{
    private readonly Dictionary<string, List<(DateTime Time, double Return)>> returns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTime Time, decimal Close)> last = new(StringComparer.Ordinal);

    public void Observe(string symbol, DateTime end, decimal close)
    {
        if (last.TryGetValue(symbol, out var previous))
        {
            returns.TryAdd(symbol, []);
            returns[symbol].Add((end, (double)(close / previous.Close) - 1d));
        }

        last[symbol] = (end, close);
    }

    /// <summary>Correlation over shared times, or null when too few are shared or a series is flat.</summary>
    public double? Correlation(string first, string second)
    {
        if (!returns.TryGetValue(first, out var a) || !returns.TryGetValue(second, out var b))
        {
            return null;
        }

        var recentB = b.Skip(Math.Max(0, b.Count - window)).ToDictionary(item => item.Time, item => item.Return);
        var pairs = a.Skip(Math.Max(0, a.Count - window)).Where(item => recentB.ContainsKey(item.Time)).Select(item => (X: item.Return, Y: recentB[item.Time])).ToList();
        if (pairs.Count < minimumObservations)
        {
            return null;
        }

        var meanX = pairs.Average(pair => pair.X);
        var meanY = pairs.Average(pair => pair.Y);
        var covariance = pairs.Sum(pair => (pair.X - meanX) * (pair.Y - meanY));
        var varianceX = pairs.Sum(pair => (pair.X - meanX) * (pair.X - meanX));
        var varianceY = pairs.Sum(pair => (pair.Y - meanY) * (pair.Y - meanY));
        return varianceX <= 1e-18 || varianceY <= 1e-18 ? null : covariance / Math.Sqrt(varianceX * varianceY);
    }

    /// <summary>True when some pair's correlation is so close to the threshold that rounding could put it on either side.</summary>
    public bool IsAmbiguous(IReadOnlyList<string> symbols) =>
        Pairs(symbols).Any(pair => Correlation(pair.First, pair.Second) is { } value && Math.Abs(value - threshold) < 1e-9);

    /// <summary>The symbols linked to <paramref name="symbol"/> by chains of pairs correlated above the threshold (itself included).</summary>
    public HashSet<string> ClusterOf(string symbol, IReadOnlyList<string> symbols)
    {
        var cluster = new HashSet<string>(StringComparer.Ordinal) { symbol };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var candidate in symbols.Where(candidate => !cluster.Contains(candidate)))
            {
                if (cluster.Any(member => Correlation(member, candidate) is { } value && value > threshold))
                {
                    cluster.Add(candidate);
                    grew = true;
                }
            }
        }

        return cluster;
    }

    private static IEnumerable<(string First, string Second)> Pairs(IReadOnlyList<string> symbols) =>
        from first in symbols from second in symbols where string.CompareOrdinal(first, second) < 0 select (first, second);
}
