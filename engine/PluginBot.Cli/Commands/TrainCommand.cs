using System.CommandLine;
using System.Globalization;
using PluginBot.Data;
using PluginBot.Models.Training;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot train</c>: trains a model with walk-forward evaluation (PluginBot.Models' pipeline and the Python
/// trainer), registers it as a candidate and prints its scores side by side with naive baselines.
/// </summary>
internal static class TrainCommand
{
    private const string DefaultDataFile = "binance_btcbusd_minute_trade_20221213_UTC.csv";

    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = $"Bar files of one symbol (default: data/market/{DefaultDataFile})", AllowMultipleArgumentsPerToken = true };
        var set = new Option<string>("--set") { Description = "Feature set (default, indicators)", DefaultValueFactory = _ => "default" };
        var label = new Option<string>("--label") { Description = "Label: forward-return:H (up when the close H bars later is higher) or regime:N (highVolatility, lowVolatility, trending or ranging over the next N bars, ranked against the trailing history)", DefaultValueFactory = _ => "forward-return:15" };
        var model = new Option<string>("--model") { Description = "mlp, lstm or gru", DefaultValueFactory = _ => "mlp" };
        var regime = new Option<string?>("--regime") { Description = "Train only on rows of this volatility regime: high-volatility or low-volatility" };
        var sequence = new Option<int>("--seq") { Description = "Feature vectors per input window (lstm/gru; 1 for mlp)", DefaultValueFactory = _ => 1 };
        var symbol = new Option<string?>("--symbol") { Description = "Register under this symbol instead of the one in the data file name" };
        var kind = new Option<string?>("--kind") { Description = "Register under this kind (default direction-MODEL[-REGIME], or regime-MODEL for a regime:N label)" };
        var registry = new Option<string?>("--registry") { Description = "Registry folder (default: models/ at the repository root)" };
        var folds = new Option<int>("--folds") { Description = "Walk-forward test folds", DefaultValueFactory = _ => 4 };
        var embargo = new Option<int?>("--embargo") { Description = "Bars after each test fold that later folds may not train on (default: the label horizon)" };
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (default 10)" };
        var seed = new Option<int?>("--seed") { Description = "Random seed (default 7)" };
        var onBadRow = new Option<BadRowPolicy>("--on-bad-row") { Description = "fail (default) or skip bad rows", DefaultValueFactory = _ => BadRowPolicy.Fail };
        var command = new Command("train", "Train a model with purged walk-forward evaluation and register it as a candidate")
        {
            data, set, label, model, regime, sequence, symbol, kind, registry, folds, embargo, epochs, seed, onBadRow,
        };
        command.SetAction(parse =>
        {
            var defaults = new TrainerSettings();
            var files = parse.GetValue(data) is { Length: > 0 } given ? given : [DefaultData()];
            var request = new TrainingRequest
            {
                DataFiles = files,
                FeatureSet = parse.GetValue(set)!,
                Label = parse.GetValue(label)!,
                Regime = parse.GetValue(regime),
                SequenceLength = parse.GetValue(sequence),
                Symbol = parse.GetValue(symbol),
                Kind = parse.GetValue(kind),
                RegistryRoot = parse.GetValue(registry) ?? ModelsCommand.DefaultRoot(),
                Folds = parse.GetValue(folds),
                Embargo = parse.GetValue(embargo),
                OnBadRow = parse.GetValue(onBadRow),
                Trainer = defaults with
                {
                    ModelType = parse.GetValue(model)!,
                    Epochs = parse.GetValue(epochs) ?? defaults.Epochs,
                    Seed = parse.GetValue(seed) ?? defaults.Seed,
                },
            };
            Print(TrainingPipeline.Run(request), Console.Out);
            return 0;
        });
        return command;
    }

    /// <summary>The version, then one line per scorer over the same out-of-sample rows (in-sample first, for contrast).</summary>
    internal static void Print(TrainingReport report, TextWriter output)
    {
        output.WriteLine($"Registered {report.Version} as {report.Version.Stage.ToString().ToLowerInvariant()} ({report.Version.Directory})");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Rows} rows, {report.Folds.Count} walk-forward folds"));
        output.WriteLine($"{"",-26} {"rows",6} {"accuracy",9} {"log loss",9} {"confident",10} {"hit rate",9}");
        Row(output, "model in-sample", report.InSample);
        Row(output, "model out-of-sample", report.OutOfSample);
        foreach (var (name, score) in report.Baselines)
        {
            Row(output, $"baseline {name}", score);
        }

        foreach (var fold in report.Folds)
        {
            Row(output, string.Create(CultureInfo.InvariantCulture, $"  fold {fold.Index} (train {fold.TrainRows})"), fold.OutOfSample);
        }
    }

    private static void Row(TextWriter output, string name, ClassificationScore score)
    {
        var hitRate = score.ConfidentHitRate is { } value ? TrainingPipeline.Format(value) : "-";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-26} {score.Rows,6} {TrainingPipeline.Format(score.Accuracy),9} {TrainingPipeline.Format(score.LogLoss),9} {TrainingPipeline.Format(score.ConfidentCoverage),10} {hitRate,9}"));
    }

    private static string DefaultData() =>
        RepositoryLayout.FindRoot() is { } root
            ? Path.Combine(root, "data", "market", DefaultDataFile)
            : throw new FileNotFoundException($"No --data was given and the PluginBot repository (PluginBot.sln) was not found above the working directory to take data/market/{DefaultDataFile} from.");
}
