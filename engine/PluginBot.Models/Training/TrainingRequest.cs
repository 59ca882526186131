using PluginBot.Data;

namespace PluginBot.Models.Training;

/// <summary>Everything one <c>pluginbot train</c> run needs; the CLI maps its options onto this.</summary>
public sealed record TrainingRequest
{
    /// <summary>Bar files of one symbol, in time order.</summary>
    public required IReadOnlyList<string> DataFiles { get; init; }

    /// <summary>The feature set to train on.</summary>
    public string FeatureSet { get; init; } = "default";

    /// <summary>The label, e.g. "forward-return:15" (direction) or "regime:15" (the regime of the next 15 bars); see <see cref="TrainingLabel.Parse"/>.</summary>
    public string Label { get; init; } = "forward-return:15";

    /// <summary>Keep only rows of this volatility regime (see <see cref="VolatilityRegimeClassifier"/>); null keeps all.</summary>
    public string? Regime { get; init; }

    /// <summary>Feature vectors per row; must be 1 for mlp and is typically 8–32 for lstm/gru.</summary>
    public int SequenceLength { get; init; } = 1;

    /// <summary>Overrides the symbol read from the data file names (e.g. register BTCBUSD data as BTCUSDT).</summary>
    public string? Symbol { get; init; }

    /// <summary>Overrides the model kind; default "direction-{model}" or, for a regime label, "regime-{model}" (plus "-{regime}" when filtered).</summary>
    public string? Kind { get; init; }

    /// <summary>The registry folder.</summary>
    public string RegistryRoot { get; init; } = Registry.ModelRegistry.DefaultRoot;

    /// <summary>Walk-forward test folds.</summary>
    public int Folds { get; init; } = 4;

    /// <summary>Bars after each test fold that later folds may not train on; null uses the label horizon.</summary>
    public int? Embargo { get; init; }

    /// <summary>Model type and optimiser settings.</summary>
    public TrainerSettings Trainer { get; init; } = new();

    /// <summary>How bad rows in the data files are treated.</summary>
    public BadRowPolicy OnBadRow { get; init; } = BadRowPolicy.Fail;

    /// <summary>The Python interpreter with torch and onnx.</summary>
    public string PythonPath { get; init; } = TrainerLocator.DefaultPython;

    /// <summary>The trainer script; null searches for experts/training/train.py.</summary>
    public string? TrainerScript { get; init; }

    /// <summary>Where the exported arrays and trainer outputs go; null uses a fresh temporary folder deleted afterwards.</summary>
    public string? WorkDirectory { get; init; }
}
