using PluginBot.Features;

namespace PluginBot.Models.Training;

/// <summary>
/// Supervised rows built from bars: for each kept bar t, the feature window ending at t and the label read after t.
/// Inputs are one flat float array (row, step, feature; row-major) because that is exactly what the trainer reads
/// and what an ONNX tensor holds.
/// </summary>
public sealed class TrainingDataset
{
    internal TrainingDataset(
        string symbol,
        FeatureSchema schema,
        ITrainingLabel label,
        int sequenceLength,
        string? regime,
        float[] inputs,
        int[] labels,
        long[] barIndices,
        DateTime[] times,
        DateTime firstBarTime,
        DateTime lastLabelTime)
    {
        Symbol = symbol;
        Schema = schema;
        Label = label;
        SequenceLength = sequenceLength;
        Regime = regime;
        Inputs = inputs;
        Labels = labels;
        BarIndices = barIndices;
        Times = times;
        FirstBarTime = firstBarTime;
        LastLabelTime = lastLabelTime;
    }

    /// <summary>The instrument the bars belong to.</summary>
    public string Symbol { get; }

    /// <summary>The feature set's schema, written beside the model.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>The label definition.</summary>
    public ITrainingLabel Label { get; }

    /// <summary>Feature vectors per row.</summary>
    public int SequenceLength { get; }

    /// <summary>The regime rows were filtered to, or null.</summary>
    public string? Regime { get; }

    /// <summary>Floats per feature vector.</summary>
    public int FeatureCount => Schema.Count;

    /// <summary>Floats per row: <see cref="SequenceLength"/> × <see cref="FeatureCount"/>.</summary>
    public int RowWidth => SequenceLength * FeatureCount;

    /// <summary>How many rows were kept.</summary>
    public int RowCount => Labels.Length;

    /// <summary>All inputs, row after row; each row is its window's vectors oldest first.</summary>
    public float[] Inputs { get; }

    /// <summary>The class of each row, an index into the label's <see cref="ITrainingLabel.Classes"/>.</summary>
    public int[] Labels { get; }

    /// <summary>The bar t of each row, counted across all input files, for purging and embargoes.</summary>
    public long[] BarIndices { get; }

    /// <summary>The start time of bar t of each row.</summary>
    public DateTime[] Times { get; }

    /// <summary>The first bar read (feature warm-up included).</summary>
    public DateTime FirstBarTime { get; }

    /// <summary>The latest bar any label was read from.</summary>
    public DateTime LastLabelTime { get; }

    /// <summary>The inputs of one row.</summary>
    public ReadOnlySpan<float> Row(int row) => Inputs.AsSpan(row * RowWidth, RowWidth);
}
