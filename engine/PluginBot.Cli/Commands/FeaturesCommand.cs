using System.CommandLine;
using System.Globalization;
using System.Text;
using PluginBot.Data;
using PluginBot.Features;
using PluginBot.Sdk.Market;
using Spectre.Console;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot features</c>: computes a feature set over a bar file and writes one CSV row per bar (bar start time,
/// then every feature in schema order, empty while not ready) and the schema beside it, so users research exactly
/// the vectors the engine serves and can later train on them.
/// </summary>
internal static class FeaturesCommand
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Bar file (OHLCV CSV or Binance kline CSV)", Required = true };
        var set = new Option<string>("--set") { Description = "Feature set: default or indicators", Required = true };
        var interval = new Option<string?>("--interval") { Description = "Resample the data to this interval first: 5m, 15m, 1h, 1d" };
        var output = new Option<string>("--out") { Description = "CSV file to write; the schema goes to FILE.schema.json beside it", Required = true };
        var onBadRow = new Option<BadRowPolicy>("--on-bad-row") { Description = "fail (default): stop at the first bad row; skip: skip bad rows and count them", DefaultValueFactory = _ => BadRowPolicy.Fail };
        var command = new Command("features", "Write a feature set's vectors for every bar of a data file to CSV, with its schema")
        {
            data, set, interval, output, onBadRow,
        };
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(set)!, parse.GetValue(interval), parse.GetValue(output)!, parse.GetValue(onBadRow)));
        return command;
    }

    /// <summary>FILE.csv → FILE.schema.json; any other name gets ".schema.json" appended.</summary>
    public static string SchemaPathFor(string csvPath) =>
        csvPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? csvPath[..^4] + ".schema.json" : csvPath + ".schema.json";

    private static int Run(string dataPath, string setName, string? intervalText, string outputPath, BadRowPolicy onBadRow)
    {
        // Resolve the set before reading data, so a misspelt name fails at once with the list of known sets.
        var featureSet = new FeatureSetCatalog().Create(setName);
        var series = BarFileReader.Read(dataPath, new BarFileOptions(OnBadRow: onBadRow));
        if (intervalText is not null)
        {
            series = BarResampler.Resample(series, BarInterval.Parse(intervalText));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        WriteCsv(featureSet, series.Bars, outputPath);
        var schemaPath = SchemaPathFor(outputPath);
        File.WriteAllText(schemaPath, featureSet.Schema.ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var schema = featureSet.Schema;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{series.Symbol} {series.Interval}: {series.Bars.Length:N0} rows × {schema.Count} features, set '{schema.Name}' v{schema.Version}")));
        AnsiConsole.MarkupLine($"[grey]Schema hash {schema.Hash}[/]");
        AnsiConsole.MarkupLine($"[grey]Wrote {Markup.Escape(outputPath)}, {Markup.Escape(schemaPath)}[/]");
        return 0;
    }

    private static void WriteCsv(IFeatureSet featureSet, Bar[] bars, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        writer.NewLine = "\n";
        writer.Write("time");
        foreach (var feature in featureSet.Schema.Features)
        {
            writer.Write(',');
            writer.Write(feature.Name);
        }

        writer.WriteLine();
        var vector = new float[featureSet.Count];
        Span<char> buffer = stackalloc char[32];
        foreach (var bar in bars)
        {
            featureSet.Update(bar);
            featureSet.TryWrite(vector);
            bar.StartTime.TryFormat(buffer, out var timeLength, TimeFormat, CultureInfo.InvariantCulture);
            writer.Write(buffer[..timeLength]);
            for (var index = 0; index < vector.Length; index++)
            {
                writer.Write(',');
                if (featureSet.IsFeatureReady(index))
                {
                    // "R" is the shortest text that parses back to the same float, so the CSV loses nothing.
                    vector[index].TryFormat(buffer, out var length, "R", CultureInfo.InvariantCulture);
                    writer.Write(buffer[..length]);
                }
            }

            writer.WriteLine();
        }
    }
}
