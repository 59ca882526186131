using PluginBot.Models.Registry;
using PluginBot.Models.Tests.Infrastructure;
using PluginBot.Models.Training;
using PluginBot.Onnx;
using PluginBot.Onnx.Models;

namespace PluginBot.Models.Tests;

public sealed class RegimeTrainingPipelineTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Run_RegimeLabel_RegistersARegimeMlpScoredAgainstTheMajorityClass()
    {
        var registry = new ModelRegistry(Path.Combine(directory.Path, "models"));

        var report = TrainingPipeline.Run(Request(), registry);

        Assert.Equal(("BTCUSDT", "regime-mlp", 1), (report.Version.Symbol, report.Version.Kind, report.Version.Version));
        var metadata = registry.Show("BTCUSDT", "regime-mlp", 1).Metadata!;
        Assert.Equal(["highVolatility", "lowVolatility", "trending", "ranging"], metadata.Classes);
        Assert.Equal(("regime:15", "mlp"), (metadata.Label, metadata.ModelType));
        // There is no "long" regime: the only naive baseline is the training folds' class frequencies.
        Assert.Equal(["majorityClass"], report.Baselines.Keys);
        Assert.All(report.Folds, fold => Assert.Null(fold.AlwaysLong));
        Assert.Equal(report.OutOfSample.Rows, report.Baselines["majorityClass"].Rows);
        // Four classes: a majority-class prior cannot reach 0.6 accuracy, and log loss starts near ln 4 ≈ 1.39.
        Assert.InRange(report.Baselines["majorityClass"].Accuracy, 0.2, 0.6);
        Assert.InRange(report.Baselines["majorityClass"].LogLoss, 1.0, 1.6);
        Assert.Equal(report.OutOfSample.LogLoss, metadata.OutOfSampleMetrics["logLoss"]);
        Assert.Equal(report.Baselines["majorityClass"].LogLoss, metadata.BaselineMetrics["majorityClass"]["logLoss"]);
        Assert.Equal(4 * report.ProbeRows, report.ProbeProbabilities.Length);
        Assert.True(registry.Verify("BTCUSDT", "regime-mlp", 1).IsIntact);
    }

    [Fact]
    public void Run_RegimeModelThroughTheEnginesOnnxPath_MatchesPyTorchWithin1e5()
    {
        var registry = new ModelRegistry(Path.Combine(directory.Path, "models"));
        var report = TrainingPipeline.Run(Request(), registry);

        using var runtime = OnnxRuntime.Load();
        using var model = RegisteredModel.Open(runtime, report.Version.Directory, new OnnxSessionOptions { BatchSizes = [1, report.ProbeRows] });
        var probabilities = model.Session.Run(report.ProbeInputs, report.ProbeRows).ToArray();

        Assert.Equal(4, model.Session.OutputRowLength);
        Assert.Equal(report.ProbeProbabilities.Length, probabilities.Length);
        for (var index = 0; index < probabilities.Length; index++)
        {
            Assert.True(Math.Abs(probabilities[index] - report.ProbeProbabilities[index]) <= 1e-5, $"value {index}: ONNX {probabilities[index]} vs PyTorch {report.ProbeProbabilities[index]}");
        }

        for (var row = 0; row < report.ProbeRows; row++)
        {
            Assert.Equal(1.0, probabilities.Skip(row * 4).Take(4).Sum(value => (double)value), 5);
        }
    }

    private TrainingRequest Request() => new()
    {
        DataFiles = [ShippedData.MinuteBarsPath],
        Symbol = "BTCUSDT",
        Label = "regime:15",
        Trainer = new TrainerSettings { ModelType = "mlp", Epochs = 5 },
        TrainerScript = ShippedData.TrainerScript,
        RegistryRoot = Path.Combine(directory.Path, "models"),
    };
}
