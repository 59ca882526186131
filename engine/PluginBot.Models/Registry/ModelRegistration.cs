using PluginBot.Features;

namespace PluginBot.Models.Registry;

/// <summary>
/// What training hands the registry: the exported model file and everything known about it. The registry adds what
/// only it can know (version, parent, hash, time, stage) and copies the file in.
/// </summary>
public sealed record ModelRegistration
{
    /// <summary>The instrument, for example "BTCUSDT"; becomes a folder name.</summary>
    public required string Symbol { get; init; }

    /// <summary>The model kind, for example "direction-mlp"; becomes a folder name.</summary>
    public required string Kind { get; init; }

    /// <summary>The exported ONNX file to copy in (left where it is).</summary>
    public required string ModelPath { get; init; }

    /// <summary>The schema of the feature set the model was trained on; written as <c>feature_schema.json</c>.</summary>
    public required FeatureSchema FeatureSchema { get; init; }

    /// <summary>"mlp", "lstm" or "gru".</summary>
    public required string ModelType { get; init; }

    /// <summary>Feature vectors per input window (1 for mlp).</summary>
    public int SequenceLength { get; init; } = 1;

    /// <summary>Output column names in order.</summary>
    public IReadOnlyList<string> Classes { get; init; } = ["down", "up"];

    /// <summary>The label definition, for example "forward-return:15".</summary>
    public required string Label { get; init; }

    /// <summary>The regime training was filtered to, or null.</summary>
    public string? Regime { get; init; }

    /// <summary>The span of bars used.</summary>
    public required TrainingWindow TrainingWindow { get; init; }

    /// <summary>Training settings.</summary>
    public IReadOnlyDictionary<string, double> Hyperparameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Metrics of the final model on its training rows.</summary>
    public IReadOnlyDictionary<string, double> InSampleMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Metrics pooled over the walk-forward test folds.</summary>
    public IReadOnlyDictionary<string, double> OutOfSampleMetrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Baseline metrics on the same folds, by baseline name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> BaselineMetrics { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();
}
