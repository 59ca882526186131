using PluginBot.Onnx.Models;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeOnnx;

/// <summary>
/// Which output column of a regime model holds which regime. Columns are matched by the class names in
/// <c>metadata.json</c>, never by position, so a model trained with the classes in another order is still read
/// correctly; a model that does not name exactly the four regimes is refused, because guessing what a "volatile" or
/// a fifth column means would silently route capital to the wrong experts.
/// </summary>
public sealed class RegimeColumns
{
    /// <summary>The class names a regime model must use, in <see cref="MarketRegime"/> order (the names compositions use).</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["highVolatility", "lowVolatility", "trending", "ranging"];

    private readonly int[] columns;

    private RegimeColumns(int[] columns)
    {
        this.columns = columns;
    }

    /// <summary>Maps the classes of <paramref name="metadata"/>; <paramref name="metadataPath"/> names the file in errors.</summary>
    /// <exception cref="RegisteredModelException">The classes are not exactly the four regime names (in any order).</exception>
    public static RegimeColumns FromMetadata(ModelMetadata metadata, string metadataPath)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var classes = metadata.Classes;
        var unknown = classes.Where(name => !ClassNames.Contains(name, StringComparer.Ordinal)).ToArray();
        var missing = ClassNames.Where(name => metadata.IndexOfClass(name) < 0).ToArray();
        var repeated = classes.GroupBy(name => name, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToArray();
        if (unknown.Length > 0 || missing.Length > 0 || repeated.Length > 0)
        {
            var problems = new List<string>();
            if (missing.Length > 0)
            {
                problems.Add($"missing {string.Join(", ", missing)}");
            }

            if (unknown.Length > 0)
            {
                problems.Add($"unexpected {string.Join(", ", unknown)}");
            }

            if (repeated.Length > 0)
            {
                problems.Add($"repeated {string.Join(", ", repeated)}");
            }

            throw new RegisteredModelException(
                metadataPath,
                $"classes [{string.Join(", ", classes)}] are not exactly the four regimes {string.Join(", ", ClassNames)} in some order ({string.Join("; ", problems)}); regime-onnx serves models trained with --label regime:N.");
        }

        return new RegimeColumns([.. ClassNames.Select(metadata.IndexOfClass)]);
    }

    /// <summary>The model output column holding <paramref name="regime"/>.</summary>
    public int ColumnOf(MarketRegime regime) => columns[(int)regime];

    /// <summary>
    /// The estimate of one output row. The model's softmax already sums to 1 up to float rounding; the estimate
    /// renormalises in double so the probabilities a decision record keeps sum to 1 exactly as far as doubles can.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability is negative or not finite (a broken model).</exception>
    public RegimeEstimate Estimate(ReadOnlySpan<float> probabilities) => new(
        probabilities[columns[0]],
        probabilities[columns[1]],
        probabilities[columns[2]],
        probabilities[columns[3]]);
}
