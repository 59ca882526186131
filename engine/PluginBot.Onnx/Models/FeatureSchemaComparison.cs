using System.Globalization;
using PluginBot.Features;

namespace PluginBot.Onnx.Models;

/// <summary>
/// Describes the first way two feature schemas differ, in the order a person fixing it needs: name and version,
/// feature count, then the first feature whose name, family or parameters differ, then the hash.
/// </summary>
public static class FeatureSchemaComparison
{
    /// <summary>The first difference between the schema a model was trained on and the engine's, or null when they are equal.</summary>
    public static string? FirstDifference(FeatureSchema trained, FeatureSchema engine)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(engine);
        if (!string.Equals(trained.Name, engine.Name, StringComparison.Ordinal))
        {
            return $"set name '{trained.Name}' (model) vs '{engine.Name}' (engine)";
        }

        if (trained.Version != engine.Version)
        {
            return string.Create(CultureInfo.InvariantCulture, $"version {trained.Version} (model) vs {engine.Version} (engine)");
        }

        for (var index = 0; index < Math.Min(trained.Count, engine.Count); index++)
        {
            var model = trained.Features[index];
            var ours = engine.Features[index];
            if (!string.Equals(model.Name, ours.Name, StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"feature {index} is '{model.Name}' (model) vs '{ours.Name}' (engine)");
            }

            if (model.Family != ours.Family || !SameParameters(model, ours))
            {
                return string.Create(CultureInfo.InvariantCulture, $"feature {index} '{model.Name}' has family/parameters {Describe(model)} (model) vs {Describe(ours)} (engine)");
            }
        }

        if (trained.Count != engine.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{trained.Count} features (model) vs {engine.Count} (engine)");
        }

        return string.Equals(trained.Hash, engine.Hash, StringComparison.Ordinal)
            ? null
            : $"hash {trained.Hash} (model) vs {engine.Hash} (engine)";
    }

    private static bool SameParameters(FeatureDefinition left, FeatureDefinition right) =>
        left.Parameters.Count == right.Parameters.Count
        && left.Parameters.Zip(right.Parameters).All(pair => pair.First.Key == pair.Second.Key && pair.First.Value == pair.Second.Value);

    private static string Describe(FeatureDefinition feature) =>
        $"{FeatureSchema.FormatFamily(feature.Family)}({string.Join(", ", feature.Parameters.Select(p => $"{p.Key}={p.Value}"))})";
}
