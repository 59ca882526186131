using System.Globalization;
using System.Text.Json;
using PluginBot.Sdk.Configuration;
using static PluginBot.Engine.Composition.ConfigurationJson;

namespace PluginBot.Engine.Composition;

/// <summary>
/// Reads strategy composition files. Every problem is reported as a <see cref="CompositionException"/> naming
/// the file, the JSON path and what was expected; unknown keys are errors, because a misspelt key silently
/// falling back to a default is how real money gets lost.
/// </summary>
public static partial class StrategyCompositionLoader
{
    private static readonly string[] TopLevelKeys = ["name", "description", "strategy", "regime", "experts", "committee", "candidate", "split", "sizer", "risk", "execution", "exits", "backtest"];
    private static readonly string[] PluginKeys = ["plugin", "settings"];
    private static readonly string[] ExecutionKeys = ["allowShort", "maximumLeverage"];
    private static readonly string[] BacktestKeys = ["data", "cash", "feeBasisPoints", "slippageBasisPoints", "interval"];

    /// <summary>Reads and checks the composition at <paramref name="path"/>.</summary>
    public static StrategyComposition Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CompositionException(path, "$", "the file does not exist");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBased ? $" (line {zeroBased + 1}, byte {exception.BytePositionInLine + 1})" : string.Empty;
            throw new CompositionException(path, "$", $"not valid JSON{line}: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            Expect(path, root, "$", JsonValueKind.Object);
            RejectUnknown(path, root, "$", TopLevelKeys);
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var execution = Optional(root, "execution");
            if (execution is { } executionElement)
            {
                Expect(path, executionElement, "$.execution", JsonValueKind.Object);
                RejectUnknown(path, executionElement, "$.execution", ExecutionKeys);
            }

            return new StrategyComposition
            {
                Name = RequiredString(path, root, "$", "name"),
                SourcePath = path,
                Description = OptionalString(path, root, "$", "description"),
                Strategy = StrategyOrCommittee(path, root, out var committee),
                Committee = committee,
                Experiment = Experiment(path, root, committee),
                Sizer = Plugin(path, Required(path, root, "$", "sizer"), "$.sizer"),
                RiskLayers = RiskLayers(path, root),
                AllowShort = execution is { } allow && Optional(allow, "allowShort") is { } allowShort
                    ? Boolean(path, allowShort, "$.execution.allowShort")
                    : false,
                MaximumLeverage = execution is { } leverageParent && Optional(leverageParent, "maximumLeverage") is { } leverage
                    ? Positive(path, leverage, "$.execution.maximumLeverage")
                    : 1m,
                Backtest = Backtest(path, root, directory),
                Exits = PluginBot.Engine.Exits.ExitPolicyReader.Read(path, Optional(root, "exits")),
            };
        }
    }

    private static IReadOnlyList<PluginReference> RiskLayers(string path, JsonElement root)
    {
        if (Optional(root, "risk") is not { } risk)
        {
            return [];
        }

        Expect(path, risk, "$.risk", JsonValueKind.Array);
        var layers = new List<PluginReference>();
        var index = 0;
        foreach (var layer in risk.EnumerateArray())
        {
            layers.Add(Plugin(path, layer, $"$.risk[{index++}]"));
        }

        return layers;
    }

    private static BacktestDefaults Backtest(string path, JsonElement root, string directory)
    {
        if (Optional(root, "backtest") is not { } backtest)
        {
            return new BacktestDefaults();
        }

        Expect(path, backtest, "$.backtest", JsonValueKind.Object);
        RejectUnknown(path, backtest, "$.backtest", BacktestKeys);
        var files = new List<string>();
        if (Optional(backtest, "data") is { } data)
        {
            Expect(path, data, "$.backtest.data", JsonValueKind.Array);
            var index = 0;
            foreach (var file in data.EnumerateArray())
            {
                var filePath = $"$.backtest.data[{index++}]";
                Expect(path, file, filePath, JsonValueKind.String);
                files.Add(Path.GetFullPath(Path.Combine(directory, file.GetString()!)));
            }
        }

        return new BacktestDefaults
        {
            DataFiles = files,
            Cash = Optional(backtest, "cash") is { } cash ? Positive(path, cash, "$.backtest.cash") : null,
            FeeBasisPoints = Optional(backtest, "feeBasisPoints") is { } fee ? NonNegative(path, fee, "$.backtest.feeBasisPoints") : null,
            SlippageBasisPoints = Optional(backtest, "slippageBasisPoints") is { } slip ? NonNegative(path, slip, "$.backtest.slippageBasisPoints") : null,
            Interval = OptionalString(path, backtest, "$.backtest", "interval"),
        };
    }

    private static PluginReference Plugin(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, element, jsonPath, PluginKeys);
        var id = RequiredString(path, element, jsonPath, "plugin");
        var settings = Optional(element, "settings");
        if (settings is { } settingsElement)
        {
            Expect(path, settingsElement, $"{jsonPath}.settings", JsonValueKind.Object);
        }

        return new PluginReference(id, new PluginSettings(settings ?? default, $"{path}: {jsonPath}.settings", Path.GetDirectoryName(Path.GetFullPath(path))));
    }
}
