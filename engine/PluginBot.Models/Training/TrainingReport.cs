using PluginBot.Models.Registry;

namespace PluginBot.Models.Training;

/// <summary>What a training run produced: the registered candidate, its scores side by side with the baselines, and the parity probe.</summary>
public sealed record TrainingReport
{
    /// <summary>The registered candidate.</summary>
    public required ModelVersionRecord Version { get; init; }

    /// <summary>Rows in the dataset.</summary>
    public required int Rows { get; init; }

    /// <summary>Each fold's scores.</summary>
    public required IReadOnlyList<FoldReport> Folds { get; init; }

    /// <summary>The final model (trained on every row) on every row.</summary>
    public required ClassificationScore InSample { get; init; }

    /// <summary>Every fold's test predictions pooled.</summary>
    public required ClassificationScore OutOfSample { get; init; }

    /// <summary>Baselines pooled over the same test rows, by name: "majorityClass", plus "alwaysLong" for direction labels.</summary>
    public required IReadOnlyDictionary<string, ClassificationScore> Baselines { get; init; }

    /// <summary>Inputs of the probe rows, shaped like the model's input ([rows, featureCount] or [rows, sequence, featureCount]).</summary>
    public required float[] ProbeInputs { get; init; }

    /// <summary>PyTorch's probabilities for the probe rows, [rows, classCount]: what the ONNX path must reproduce.</summary>
    public required float[] ProbeProbabilities { get; init; }

    /// <summary>How many probe rows there are.</summary>
    public required int ProbeRows { get; init; }

    /// <summary>The trainer's JSON summary line.</summary>
    public required string TrainerSummary { get; init; }
}
