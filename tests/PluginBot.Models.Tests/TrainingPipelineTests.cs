using System.Diagnostics;
using PluginBot.Models.Registry;
using PluginBot.Models.Tests.Infrastructure;
using PluginBot.Models.Training;
using PluginBot.Onnx;
using PluginBot.Onnx.Models;

namespace PluginBot.Models.Tests;

public sealed class TrainingPipelineTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Run_TinyMlpOnShippedData_RegistersACandidateThatCanBePromotedAndRolledBack()
    {
        var registry = new ModelRegistry(Path.Combine(directory.Path, "models"));
        var stopwatch = Stopwatch.StartNew();

        var first = TrainingPipeline.Run(Request("mlp", sequenceLength: 1), registry);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"training took {stopwatch.Elapsed}");
        Assert.Equal(("BTCUSDT", "direction-mlp", 1, ModelStage.Candidate), (first.Version.Symbol, first.Version.Kind, first.Version.Version, first.Version.Stage));
        Assert.Equal(4, first.Folds.Count);
        Assert.Equal(first.Folds.Sum(fold => fold.OutOfSample.Rows), first.OutOfSample.Rows);
        Assert.Equal(first.OutOfSample.Rows, first.Baselines["alwaysLong"].Rows);
        Assert.InRange(first.OutOfSample.Accuracy, 0.2, 0.8);
        Assert.InRange(first.OutOfSample.LogLoss, 0.3, 5.0);
        Assert.True(registry.Verify("BTCUSDT", "direction-mlp", 1).IsIntact);

        var metadata = registry.Show("BTCUSDT", "direction-mlp", 1).Metadata!;
        Assert.Equal(("mlp", 1, "forward-return:15", "default"), (metadata.ModelType, metadata.SequenceLength, metadata.Label, metadata.FeatureSet));
        Assert.Equal(["down", "up"], metadata.Classes);
        Assert.Equal(first.OutOfSample.Accuracy, metadata.OutOfSampleMetrics["accuracy"]);
        Assert.Equal(first.Baselines["majorityClass"].Accuracy, metadata.BaselineMetrics["majorityClass"]["accuracy"]);
        Assert.Equal(new DateTime(2022, 12, 13, 0, 0, 0, DateTimeKind.Utc), metadata.TrainingWindow.From);

        registry.Promote("BTCUSDT", "direction-mlp", 1);
        registry.Promote("BTCUSDT", "direction-mlp", 1);
        var second = TrainingPipeline.Run(Request("mlp", sequenceLength: 1) with { Trainer = new TrainerSettings { Seed = 8 } }, registry);
        Assert.Equal((2, 1), (second.Version.Version, second.Version.ParentVersion));
        registry.Promote("BTCUSDT", "direction-mlp", 2);
        registry.Promote("BTCUSDT", "direction-mlp", 2);
        Assert.Equal(2, registry.GetProduction("BTCUSDT", "direction-mlp")!.Version);

        var rollback = registry.Rollback("BTCUSDT", "direction-mlp");

        Assert.Equal((1, 2), (rollback.Restored.Version, rollback.Archived.Version));
        Assert.Equal(1, registry.GetProduction("BTCUSDT", "direction-mlp")!.Version);
    }

    [Fact]
    public void Run_SameSeedTwice_GivesIdenticalProbabilities()
    {
        var registry = new ModelRegistry(Path.Combine(directory.Path, "models"));

        var first = TrainingPipeline.Run(Request("mlp", sequenceLength: 1), registry);
        var second = TrainingPipeline.Run(Request("mlp", sequenceLength: 1), registry);

        Assert.Equal(first.ProbeProbabilities, second.ProbeProbabilities);
        Assert.Equal(first.Version.Sha256, second.Version.Sha256);
    }

    [Theory]
    [InlineData("mlp", 1)]
    [InlineData("lstm", 8)]
    [InlineData("gru", 8)]
    public void Run_RegisteredModelThroughTheEnginesOnnxPath_MatchesPyTorchWithin1e5(string modelType, int sequenceLength)
    {
        var registry = new ModelRegistry(Path.Combine(directory.Path, "models"));
        var report = TrainingPipeline.Run(Request(modelType, sequenceLength) with { Trainer = new TrainerSettings { ModelType = modelType, Epochs = 3 } }, registry);

        using var runtime = OnnxRuntime.Load();
        using var model = RegisteredModel.Open(runtime, report.Version.Directory, new OnnxSessionOptions { BatchSizes = [1, report.ProbeRows] });
        var probabilities = model.Session.Run(report.ProbeInputs, report.ProbeRows).ToArray();

        Assert.Equal((sequenceLength, 46), (model.Session.SequenceLength, model.Session.FeatureCount));
        Assert.Equal(report.ProbeProbabilities.Length, probabilities.Length);
        for (var index = 0; index < probabilities.Length; index++)
        {
            Assert.True(Math.Abs(probabilities[index] - report.ProbeProbabilities[index]) <= 1e-5, $"value {index}: ONNX {probabilities[index]} vs PyTorch {report.ProbeProbabilities[index]}");
        }

        // One row at a time (the batch size an expert serves) gives the same answer as the batch.
        var width = report.ProbeInputs.Length / report.ProbeRows;
        var last = model.Session.Run(report.ProbeInputs.AsSpan((report.ProbeRows - 1) * width, width), 1).ToArray();
        Assert.Equal(probabilities[^2..], last);
    }

    [Fact]
    public void Run_MlpWithASequence_IsRejectedBeforeAnyWork()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingPipeline.Run(Request("mlp", sequenceLength: 4)));

        Assert.StartsWith("An mlp reads one feature vector; --seq 4 needs --model lstm or gru.", error.Message, StringComparison.Ordinal);
    }

    private TrainingRequest Request(string modelType, int sequenceLength) => new()
    {
        DataFiles = [ShippedData.MinuteBarsPath],
        Symbol = "BTCUSDT",
        SequenceLength = sequenceLength,
        Trainer = new TrainerSettings { ModelType = modelType },
        TrainerScript = ShippedData.TrainerScript,
        RegistryRoot = Path.Combine(directory.Path, "models"),
    };
}
