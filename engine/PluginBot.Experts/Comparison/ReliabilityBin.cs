namespace PluginBot.Experts.Comparison;

/// <summary>
/// One bin of a reliability diagram: the decisions whose confidence fell in [<paramref name="LowerConfidence"/>,
/// <paramref name="UpperConfidence"/>), what they promised and how often they hit. A calibrated set has
/// <paramref name="HitRate"/> close to <paramref name="MeanPredictedHitProbability"/> in every bin.
/// </summary>
/// <param name="LowerConfidence">The bin's lowest confidence (inclusive).</param>
/// <param name="UpperConfidence">The bin's upper confidence (exclusive, except the last bin which includes 1).</param>
/// <param name="Count">Decisions in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence (NaN when empty).</param>
/// <param name="MeanPredictedHitProbability">Their mean promised hit probability (1 + confidence) ÷ 2 (NaN when empty).</param>
/// <param name="HitRate">The fraction of them that hit (NaN when empty).</param>
public readonly record struct ReliabilityBin(
    double LowerConfidence,
    double UpperConfidence,
    long Count,
    double MeanConfidence,
    double MeanPredictedHitProbability,
    double HitRate);
