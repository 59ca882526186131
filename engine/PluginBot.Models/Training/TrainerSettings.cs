namespace PluginBot.Models.Training;

/// <summary>
/// What the Python trainer is told. The defaults are deliberately tiny so a model trains on the shipped day of
/// minute bars in seconds; raise them for real research.
/// </summary>
public sealed record TrainerSettings
{
    /// <summary>"mlp", "lstm" or "gru".</summary>
    public string ModelType { get; init; } = "mlp";

    /// <summary>Passes over the training rows.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Width of the hidden layer or recurrent state.</summary>
    public int HiddenSize { get; init; } = 8;

    /// <summary>Adam's step size.</summary>
    public double LearningRate { get; init; } = 0.003;

    /// <summary>Adam's L2 penalty: keeps a tiny model on noisy returns from memorising its training rows.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Rows per gradient step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Seeds torch and the batch shuffle: the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>The model types the trainer builds.</summary>
    public static IReadOnlyList<string> ModelTypes { get; } = ["mlp", "lstm", "gru"];
}
