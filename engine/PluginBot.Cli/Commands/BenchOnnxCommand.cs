using System.CommandLine;
using System.Globalization;
using PluginBot.Onnx;
using PluginBot.Onnx.Benchmarking;
using Spectre.Console;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot bench onnx</c>: single-thread latency of one inference (copy one row in, run, read the output) for the
/// two reference experts — an MLP reading the 46 default features (46 → 64 → 64 → 2) and an LSTM over the last 32
/// bars (hidden 64) — as p50/p99 microseconds and managed bytes per call. The targets (MLP p99 ≤ 10 µs, LSTM p99 ≤
/// 60 µs, 0 bytes) are printed beside the figures. The models are the seeded fixtures that
/// tests/PluginBot.Onnx.Tests/TestData/make_fixtures.py exports from torch; they are found by walking up from the
/// application, or given with --mlp/--lstm. Sessions are prepared for batch 1 only, so the runtime fixes the models'
/// symbolic batch dimension and folds their shape arithmetic (see OnnxRuntime.CreateSession); --profile writes ONNX
/// Runtime's per-operator timings to see where the rest of the time goes.
/// </summary>
internal static class BenchOnnxCommand
{
    private const string FixtureFolder = "tests/PluginBot.Onnx.Tests/TestData";

    public static Command Create()
    {
        var mlp = new Option<string?>("--mlp") { Description = $"MLP model to time (default: {FixtureFolder}/bench-mlp.onnx)" };
        var lstm = new Option<string?>("--lstm") { Description = $"LSTM model to time (default: {FixtureFolder}/bench-lstm.onnx)" };
        var iterations = new Option<int>("--iterations") { Description = "Timed calls per model", DefaultValueFactory = _ => 100_000 };
        var warmUp = new Option<int>("--warm-up") { Description = "Untimed calls before timing", DefaultValueFactory = _ => 10_000 };
        var profile = new Option<string?>("--profile") { Description = "Write ONNX Runtime's per-operator profile of every call to files starting with this prefix (slows the runs it measures)" };
        var runtimePath = new Option<string?>("--onnxruntime") { Description = $"libonnxruntime.so.1 to load (default: {OnnxRuntime.PathVariable}, else {OnnxRuntime.DefaultRelativePath})" };
        var command = new Command("onnx", "Benchmark single-thread ONNX inference of an MLP and an LSTM expert: p50/p99 latency and bytes allocated per call")
        {
            mlp, lstm, iterations, warmUp, runtimePath, profile,
        };
        command.SetAction(parse => Run(
            parse.GetValue(mlp) ?? FindFixture("bench-mlp.onnx"),
            parse.GetValue(lstm) ?? FindFixture("bench-lstm.onnx"),
            parse.GetValue(iterations),
            parse.GetValue(warmUp),
            parse.GetValue(runtimePath),
            parse.GetValue(profile)));
        return command;
    }

    private static int Run(string mlpPath, string lstmPath, int iterations, int warmUp, string? runtimePath, string? profilePrefix)
    {
        if (iterations <= 0 || warmUp < 0)
        {
            throw new ArgumentException("--iterations must be positive and --warm-up not negative.");
        }

        using var runtime = OnnxRuntime.Load(new OnnxRuntimeOptions(runtimePath));
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"ONNX Runtime {runtime.Version} ({runtime.LibraryPath}), one thread, {warmUp:N0} warm-up + {iterations:N0} timed calls per model.")));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Model", "Input", "p50 µs", "p99 µs", "max µs", "Bytes/call", "Target p99 µs", "Met");
        var allMet = true;
        foreach (var (name, path, targetMicroseconds) in new[] { ("MLP", mlpPath, 10.0), ("LSTM", lstmPath, 60.0) })
        {
            var options = profilePrefix is null ? OnnxSessionOptions.Default : OnnxSessionOptions.Default with { ProfilingFilePrefix = $"{profilePrefix}-{name.ToLowerInvariant()}" };
            using var session = runtime.CreateSession(path, options);
            var input = DeterministicInput(session.InputRowLength);
            var measurement = InferenceBenchmark.Measure(session, input, warmUp, iterations);
            var met = measurement.Percentile99Nanoseconds <= targetMicroseconds * 1000 && measurement.BytesPerCall == 0;
            allMet &= met;
            table.AddRow(
                name,
                Markup.Escape(session.InputShape.ToString()),
                Micro(measurement.MedianNanoseconds),
                Micro(measurement.Percentile99Nanoseconds),
                Micro(measurement.MaximumNanoseconds),
                measurement.BytesPerCall.ToString("0.##", CultureInfo.InvariantCulture),
                targetMicroseconds.ToString("0", CultureInfo.InvariantCulture),
                met ? "yes" : "no");
        }

        AnsiConsole.Write(table);
        return allMet ? 0 : 1;
    }

    /// <summary>A fixed, feature-like row (values in [-1, 1]) so runs are comparable; the values do not change the cost.</summary>
    private static float[] DeterministicInput(int length)
    {
        var row = new float[length];
        for (var index = 0; index < length; index++)
        {
            row[index] = MathF.Sin(index * 0.37f);
        }

        return row;
    }

    private static string Micro(double nanoseconds) => (nanoseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture);

    private static string FindFixture(string fileName)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FixtureFolder, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{FixtureFolder}/{fileName} was not found above {AppContext.BaseDirectory}; pass the model with --mlp/--lstm.", fileName);
    }
}
