namespace PluginBot.Models.Training;

/// <summary>What rows to build from bars.</summary>
/// <param name="FeatureSet">A <c>FeatureSetCatalog</c> name, e.g. "default".</param>
/// <param name="Label">The label definition (<see cref="ForwardReturnLabel"/> or <see cref="RegimeLabel"/>).</param>
/// <param name="SequenceLength">Consecutive feature vectors per row (1 for mlp; N for lstm/gru windows ending at t).</param>
/// <param name="Regime">Keep only rows whose <see cref="VolatilityRegimeClassifier"/> regime at t is this one; null keeps all.</param>
public sealed record TrainingDatasetOptions(string FeatureSet, ITrainingLabel Label, int SequenceLength = 1, string? Regime = null);
