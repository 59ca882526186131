using PluginBot.Models.Registry;
using PluginBot.Models.Training;

namespace PluginBot.Plugins.RegimeOnnx.Tests.Infrastructure;

/// <summary>
/// A tiny regime MLP trained once per test run on the shipped day through <see cref="TrainingPipeline"/> (label
/// regime:15, a few seconds) and registered in a temporary registry: the model every test serves.
/// </summary>
public sealed class TrainedRegimeModel : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public TrainedRegimeModel()
    {
        var registry = new ModelRegistry(directory.Combine("models"));
        Report = TrainingPipeline.Run(
            new TrainingRequest
            {
                DataFiles = [ShippedData.MinuteBarsPath],
                Symbol = "BTCUSDT",
                Label = "regime:15",
                Trainer = new TrainerSettings { ModelType = "mlp", Epochs = 5 },
                TrainerScript = ShippedData.TrainerScript,
                RegistryRoot = directory.Combine("models"),
            },
            registry);
    }

    /// <summary>What training produced, including PyTorch's probabilities for the probe rows.</summary>
    public TrainingReport Report { get; }

    /// <summary>The registered version folder.</summary>
    public string VersionDirectory => Report.Version.Directory;

    /// <summary>Copies the version folder into <paramref name="destination"/>, so a test may damage its copy.</summary>
    public string CopyTo(string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(VersionDirectory))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        return destination;
    }

    public void Dispose() => directory.Dispose();
}

/// <summary>The collection sharing one <see cref="TrainedRegimeModel"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TrainedRegimeModelCollection : ICollectionFixture<TrainedRegimeModel>
{
    public const string Name = "Trained regime model";
}
