using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace PluginBot.Models.Training;

/// <summary>
/// Writes a dataset and its folds where the Python trainer reads them: <c>dataset.json</c> (shape, folds, probe rows,
/// settings) beside <c>inputs.f32</c> (float32) and <c>labels.i32</c> (int32), both raw little-endian. Raw arrays
/// rather than CSV because floats then reach PyTorch bit for bit, which the parity check depends on.
/// </summary>
public static class TrainingExport
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "dataset.json";

    /// <summary>How many probe rows (spread evenly over the dataset) the trainer predicts for parity checks.</summary>
    public const int ProbeRowCount = 8;

    /// <summary>Writes the three files into <paramref name="directory"/> and returns the manifest's path.</summary>
    public static string Write(TrainingDataset dataset, IReadOnlyList<WalkForwardFold> folds, TrainerSettings settings, string directory)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(directory);
        var inputBytes = new byte[dataset.Inputs.Length * sizeof(float)];
        for (var index = 0; index < dataset.Inputs.Length; index++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(inputBytes.AsSpan(index * sizeof(float)), dataset.Inputs[index]);
        }

        File.WriteAllBytes(Path.Combine(directory, "inputs.f32"), inputBytes);
        var labelBytes = new byte[dataset.Labels.Length * sizeof(int)];
        for (var index = 0; index < dataset.Labels.Length; index++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(labelBytes.AsSpan(index * sizeof(int)), dataset.Labels[index]);
        }

        File.WriteAllBytes(Path.Combine(directory, "labels.i32"), labelBytes);
        var manifest = new Dictionary<string, object>
        {
            ["format"] = 1,
            ["inputs"] = "inputs.f32",
            ["labels"] = "labels.i32",
            ["rowCount"] = dataset.RowCount,
            ["sequenceLength"] = dataset.SequenceLength,
            ["featureCount"] = dataset.FeatureCount,
            ["classCount"] = dataset.Label.Classes.Count,
            ["modelType"] = settings.ModelType,
            ["seed"] = settings.Seed,
            ["epochs"] = settings.Epochs,
            ["hiddenSize"] = settings.HiddenSize,
            ["learningRate"] = settings.LearningRate,
            ["batchSize"] = settings.BatchSize,
            ["weightDecay"] = settings.WeightDecay,
            ["folds"] = folds.Select(fold => new Dictionary<string, object> { ["train"] = fold.TrainRows, ["test"] = fold.TestRows }).ToArray(),
            ["probeRows"] = ProbeRows(dataset.RowCount),
        };
        var path = Path.Combine(directory, ManifestFileName);
        File.WriteAllText(path, JsonSerializer.Serialize(manifest), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Rows spread evenly from the first to the last, so parity is checked across the whole range of inputs.</summary>
    public static int[] ProbeRows(int rowCount)
    {
        var count = Math.Min(ProbeRowCount, rowCount);
        if (count <= 1)
        {
            return count == 1 ? [0] : [];
        }

        return [.. Enumerable.Range(0, count).Select(probe => (int)((long)probe * (rowCount - 1) / (count - 1)))];
    }
}
