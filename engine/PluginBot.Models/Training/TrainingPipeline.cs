using System.Globalization;
using PluginBot.Data;
using PluginBot.Features;
using PluginBot.Models.Registry;

namespace PluginBot.Models.Training;

/// <summary>
/// <c>pluginbot train</c> end to end: bars → rows (no look-ahead) → purged, embargoed walk-forward folds → the
/// Python trainer (one model per fold plus a final one) → scores against naive baselines on the same folds → the
/// final model registered as a candidate with all of it in its metadata.
/// </summary>
public static class TrainingPipeline
{
    private const string AlwaysLongName = "alwaysLong";
    private const string MajorityClassName = "majorityClass";

    /// <summary>Runs training and registers the result.</summary>
    /// <exception cref="ArgumentException">Inconsistent options (unknown model type, sequence length for mlp, too little data...).</exception>
    public static TrainingReport Run(TrainingRequest request, ModelRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Trainer;
        Validate(request);
        var label = TrainingLabel.Parse(request.Label);
        var catalog = new FeatureSetCatalog();
        var series = request.DataFiles.Select(file => BarFileReader.Read(file, new BarFileOptions(OnBadRow: request.OnBadRow))).ToList();
        var dataset = TrainingDatasetBuilder.Build(series, new TrainingDatasetOptions(request.FeatureSet, label, request.SequenceLength, request.Regime), catalog);
        var embargo = request.Embargo ?? label.Horizon;
        var folds = WalkForwardSplitter.Split(dataset.BarIndices, new WalkForwardOptions(request.Folds, label.Horizon, embargo));

        var ownsWorkDirectory = request.WorkDirectory is null;
        var work = request.WorkDirectory ?? Directory.CreateTempSubdirectory("pluginbot-train-").FullName;
        try
        {
            var manifest = TrainingExport.Write(dataset, folds, settings, work);
            var outputDirectory = Path.Combine(work, "out");
            var trainer = new PythonTrainer(request.PythonPath, request.TrainerScript ?? TrainerLocator.FindScript());
            var summary = trainer.Run(manifest, outputDirectory);
            var report = Score(dataset, folds, outputDirectory);
            registry ??= new ModelRegistry(request.RegistryRoot);
            var version = registry.Register(new ModelRegistration
            {
                Symbol = request.Symbol ?? dataset.Symbol,
                Kind = request.Kind ?? DefaultKind(label, settings.ModelType, request.Regime),
                ModelPath = Path.Combine(outputDirectory, "model.onnx"),
                FeatureSchema = dataset.Schema,
                ModelType = settings.ModelType,
                SequenceLength = dataset.SequenceLength,
                Classes = label.Classes,
                Label = label.Name,
                Regime = request.Regime,
                TrainingWindow = new TrainingWindow(dataset.FirstBarTime, dataset.LastLabelTime),
                Hyperparameters = Hyperparameters(settings, request.Folds, embargo),
                InSampleMetrics = report.InSample.ToMetrics(),
                OutOfSampleMetrics = report.OutOfSample.ToMetrics(),
                BaselineMetrics = report.Baselines.ToDictionary(pair => pair.Key, pair => pair.Value.ToMetrics()),
            });
            var probeRows = TrainingExport.ProbeRows(dataset.RowCount);
            return new TrainingReport
            {
                Version = version,
                Rows = dataset.RowCount,
                Folds = report.Folds,
                InSample = report.InSample,
                OutOfSample = report.OutOfSample,
                Baselines = report.Baselines,
                ProbeInputs = ProbeInputs(dataset, probeRows, settings.ModelType),
                ProbeProbabilities = PythonTrainer.ReadFloats(Path.Combine(outputDirectory, "probe.f32")),
                ProbeRows = probeRows.Length,
                TrainerSummary = summary,
            };
        }
        finally
        {
            if (ownsWorkDirectory)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>"direction-mlp", or "direction-mlp-high-volatility" for a regime specialist.</summary>
    public static string DefaultKind(string modelType, string? regime) => DefaultKind(new ForwardReturnLabel(1), modelType, regime);

    /// <summary>
    /// The label's <see cref="ITrainingLabel.KindPrefix"/>, the model type and any regime filter: "direction-mlp",
    /// "regime-mlp", "direction-mlp-high-volatility".
    /// </summary>
    public static string DefaultKind(ITrainingLabel label, string modelType, string? regime)
    {
        ArgumentNullException.ThrowIfNull(label);
        return regime is null ? $"{label.KindPrefix}-{modelType}" : $"{label.KindPrefix}-{modelType}-{regime}";
    }

    private static void Validate(TrainingRequest request)
    {
        var modelType = request.Trainer.ModelType;
        if (!TrainerSettings.ModelTypes.Contains(modelType))
        {
            throw new ArgumentException($"Unknown model type '{modelType}': expected {string.Join(", ", TrainerSettings.ModelTypes)}.", nameof(request));
        }

        if (modelType == "mlp" && request.SequenceLength != 1)
        {
            throw new ArgumentException($"An mlp reads one feature vector; --seq {request.SequenceLength} needs --model lstm or gru.", nameof(request));
        }

        if (request.DataFiles.Count == 0)
        {
            throw new ArgumentException("No data files to train on.", nameof(request));
        }
    }

    private static Scores Score(TrainingDataset dataset, IReadOnlyList<WalkForwardFold> folds, string outputDirectory)
    {
        var classCount = dataset.Label.Classes.Count;

        // Always-long is a baseline only for direction labels; every label has a majority class.
        var direction = dataset.Label is ForwardReturnLabel;
        var foldReports = new List<FoldReport>();
        var pooledModel = new List<float>();
        var pooledLong = new List<float>();
        var pooledMajority = new List<float>();
        var pooledLabels = new List<int>();
        foreach (var fold in folds)
        {
            var trainLabels = fold.TrainRows.Select(row => dataset.Labels[row]).ToArray();
            var testLabels = fold.TestRows.Select(row => dataset.Labels[row]).ToArray();
            var trainProbabilities = PythonTrainer.ReadFloats(Path.Combine(outputDirectory, $"fold_{fold.Index}_train.f32"));
            var testProbabilities = PythonTrainer.ReadFloats(Path.Combine(outputDirectory, $"fold_{fold.Index}_test.f32"));
            var alwaysLong = direction ? ClassificationMetrics.AlwaysLong(testLabels.Length, classCount, ForwardReturnLabel.Up) : null;
            var majority = ClassificationMetrics.MajorityClass(trainLabels, testLabels.Length, classCount);
            foldReports.Add(new FoldReport(
                fold.Index,
                trainLabels.Length,
                ClassificationMetrics.Score(trainProbabilities, trainLabels, classCount),
                ClassificationMetrics.Score(testProbabilities, testLabels, classCount),
                alwaysLong is null ? null : ClassificationMetrics.Score(alwaysLong, testLabels, classCount),
                ClassificationMetrics.Score(majority, testLabels, classCount)));
            pooledModel.AddRange(testProbabilities);
            pooledLong.AddRange(alwaysLong ?? []);
            pooledMajority.AddRange(majority);
            pooledLabels.AddRange(testLabels);
        }

        var finalProbabilities = PythonTrainer.ReadFloats(Path.Combine(outputDirectory, "final_train.f32"));
        var baselines = new Dictionary<string, ClassificationScore>();
        if (direction)
        {
            baselines[AlwaysLongName] = ClassificationMetrics.Score(pooledLong.ToArray(), pooledLabels, classCount);
        }

        baselines[MajorityClassName] = ClassificationMetrics.Score(pooledMajority.ToArray(), pooledLabels, classCount);
        return new Scores(
            foldReports,
            ClassificationMetrics.Score(finalProbabilities, dataset.Labels, classCount),
            ClassificationMetrics.Score(pooledModel.ToArray(), pooledLabels, classCount),
            baselines);
    }

    private static float[] ProbeInputs(TrainingDataset dataset, int[] probeRows, string modelType)
    {
        // An mlp's graph takes only the last vector of each window; recurrent graphs take the whole window.
        var width = modelType == "mlp" ? dataset.FeatureCount : dataset.RowWidth;
        var inputs = new float[probeRows.Length * width];
        for (var probe = 0; probe < probeRows.Length; probe++)
        {
            var row = dataset.Row(probeRows[probe]);
            row[^width..].CopyTo(inputs.AsSpan(probe * width, width));
        }

        return inputs;
    }

    private static Dictionary<string, double> Hyperparameters(TrainerSettings settings, int folds, int embargo) => new()
    {
        ["epochs"] = settings.Epochs,
        ["hiddenSize"] = settings.HiddenSize,
        ["learningRate"] = settings.LearningRate,
        ["batchSize"] = settings.BatchSize,
        ["weightDecay"] = settings.WeightDecay,
        ["seed"] = settings.Seed,
        ["folds"] = folds,
        ["embargo"] = embargo,
        ["confidenceThreshold"] = ClassificationMetrics.DefaultConfidenceThreshold,
    };

    /// <summary>Formats a score for the CLI's side-by-side table.</summary>
    public static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private sealed record Scores(
        IReadOnlyList<FoldReport> Folds,
        ClassificationScore InSample,
        ClassificationScore OutOfSample,
        IReadOnlyDictionary<string, ClassificationScore> Baselines);
}
