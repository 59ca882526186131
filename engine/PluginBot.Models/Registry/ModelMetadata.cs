namespace PluginBot.Models.Registry;

/// <summary>
/// The <c>metadata.json</c> beside every registered <c>model.onnx</c>: what the model is, what it was trained on and
/// how well it did, so a served model can always be traced back to its data, labels and evaluation. Written in
/// camelCase by <see cref="ModelMetadataJson"/>; the registry's index, not this file, is the source of truth for
/// the current stage (<see cref="Stage"/> is the stage at registration).
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>The instrument, for example "BTCUSDT".</summary>
    public required string Symbol { get; init; }

    /// <summary>What the model predicts and how, for example "direction-mlp".</summary>
    public required string Kind { get; init; }

    /// <summary>The version folder name, for example "v0001".</summary>
    public required string Version { get; init; }

    /// <summary>The production version when this one was registered (null when there was none), so lineage survives promotions.</summary>
    public string? ParentVersion { get; init; }

    /// <summary>"mlp", "lstm" or "gru": decides the input rank the expert must feed.</summary>
    public required string ModelType { get; init; }

    /// <summary>Feature vectors per input window: 1 for mlp.</summary>
    public required int SequenceLength { get; init; }

    /// <summary>The output columns in order, for example ["down", "up"].</summary>
    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>The feature set the model reads (a <c>FeatureSetCatalog</c> name).</summary>
    public required string FeatureSet { get; init; }

    /// <summary>The feature set's schema hash; serving refuses a set whose hash differs.</summary>
    public required string FeatureSetHash { get; init; }

    /// <summary>The label definition, for example "forward-return:15".</summary>
    public required string Label { get; init; }

    /// <summary>The regime the training rows were filtered to, or null when trained on every regime.</summary>
    public string? Regime { get; init; }

    /// <summary>The span of bars the model has seen.</summary>
    public required TrainingWindow TrainingWindow { get; init; }

    /// <summary>Training settings (epochs, hidden size, seed, folds, embargo...).</summary>
    public IReadOnlyDictionary<string, double> Hyperparameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Metrics of the final model on its own training rows: compare with out-of-sample to see over-fitting.</summary>
    public IReadOnlyDictionary<string, double> InSampleMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Metrics pooled over every walk-forward test fold.</summary>
    public IReadOnlyDictionary<string, double> OutOfSampleMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Naive baselines on the same test folds, by baseline name, so a model is only promoted when it beats them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> BaselineMetrics { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>Lower-case hexadecimal SHA-256 of <c>model.onnx</c>.</summary>
    public required string Sha256 { get; init; }

    /// <summary>When the version was registered (UTC, from the registry's injected clock).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>The stage at registration, "candidate".</summary>
    public required string Stage { get; init; }
}
