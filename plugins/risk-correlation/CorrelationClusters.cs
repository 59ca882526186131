namespace PluginBot.Plugins.Risk.Correlation;

/// <summary>
/// Pearson correlation of two return histories over the bar times they share, and single-linkage clustering:
/// two symbols are in one cluster when a chain of pairs, each correlated above the threshold, joins them. Single
/// linkage because correlation risk is transitive in practice: if A moves with B and B with C, a book long all three
/// is one bet even when A and C alone look less alike.
/// </summary>
internal static class CorrelationClusters
{
    /// <summary>The correlation over the shared bar times, or null with fewer than <paramref name="minimumObservations"/> of them or a flat series.</summary>
    public static double? Correlate(ReturnHistory first, ReturnHistory second, int minimumObservations)
    {
        // Both histories are in time order: walk them together and keep the returns stamped with the same close time.
        int i = 0, j = 0, n = 0;
        double sumX = 0, sumY = 0, sumXX = 0, sumYY = 0, sumXY = 0;
        while (i < first.Count && j < second.Count)
        {
            var comparison = first.TimeAt(i).CompareTo(second.TimeAt(j));
            if (comparison < 0)
            {
                i++;
                continue;
            }

            if (comparison > 0)
            {
                j++;
                continue;
            }

            var x = first.ReturnAt(i++);
            var y = second.ReturnAt(j++);
            n++;
            sumX += x;
            sumY += y;
            sumXX += x * x;
            sumYY += y * y;
            sumXY += x * y;
        }

        if (n < minimumObservations)
        {
            return null;
        }

        var covariance = sumXY - (sumX * sumY / n);
        var varianceX = sumXX - (sumX * sumX / n);
        var varianceY = sumYY - (sumY * sumY / n);
        if (varianceX <= 1e-18 || varianceY <= 1e-18)
        {
            // A series that never moved has no correlation with anything.
            return null;
        }

        return Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1d, 1d);
    }

    /// <summary>Clusters of two or more symbols (members in ordinal order, clusters by their first member).</summary>
    public static List<string[]> Build(IReadOnlyDictionary<string, ReturnHistory> histories, double threshold, int minimumObservations)
    {
        var symbols = histories.Keys.OrderBy(symbol => symbol, StringComparer.Ordinal).ToArray();
        var parent = Enumerable.Range(0, symbols.Length).ToArray();
        for (var a = 0; a < symbols.Length; a++)
        {
            for (var b = a + 1; b < symbols.Length; b++)
            {
                if (Correlate(histories[symbols[a]], histories[symbols[b]], minimumObservations) is { } correlation && correlation > threshold)
                {
                    parent[Root(parent, a)] = Root(parent, b);
                }
            }
        }

        return Enumerable.Range(0, symbols.Length)
            .GroupBy(index => Root(parent, index))
            .Where(group => group.Count() > 1)
            .Select(group => group.Select(index => symbols[index]).ToArray())
            .OrderBy(members => members[0], StringComparer.Ordinal)
            .ToList();
    }

    private static int Root(int[] parent, int index)
    {
        while (parent[index] != index)
        {
            parent[index] = parent[parent[index]];
            index = parent[index];
        }

        return index;
    }
}
