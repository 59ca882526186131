using PluginBot.Sdk.Market;

namespace PluginBot.Features.Tests.Infrastructure;

/// <summary>Feeds bars through a fresh feature set and keeps every vector, as the CLI would write them.</summary>
internal static class FeatureRun
{
    /// <summary>One row per bar: the float vector written after that bar (NaN where not ready).</summary>
    public static float[][] Vectors(IFeatureSet set, IReadOnlyList<Bar> bars)
    {
        var rows = new float[bars.Count][];
        for (var index = 0; index < bars.Count; index++)
        {
            set.Update(bars[index]);
            rows[index] = new float[set.Count];
            set.TryWrite(rows[index]);
        }

        return rows;
    }
}
