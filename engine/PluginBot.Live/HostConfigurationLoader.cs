using System.Globalization;
using System.Text.Json;
using PluginBot.Engine.Composition;
using static PluginBot.Engine.Composition.ConfigurationJson;

namespace PluginBot.Live;

/// <summary>
/// Reads a host configuration file. Like compositions, every problem names the file, the JSON path and what was
/// expected, and unknown keys are errors. Relative paths are resolved against the file's folder.
/// <code>
/// {
///   "store": "state/pluginbot.db",
///   "api": { "port": 5317, "token": "optional; PLUGINBOT_API_TOKEN otherwise" },
///   "plugins": ["more/plugin/folders"],
///   "models": "models",
///   "watchIntervalMilliseconds": 250,
///   "strategies": [
///     { "name": "btc-moe", "composition": "strategies/regime-moe.json", "data": ["data/market/x.csv"], "speed": 60, "cash": 10000 },
///     { "name": "btc-script", "script": "samples/scripts/rsi-reversion.cs", "data": ["data/market/x.csv"] }
///   ]
/// }
/// </code>
/// </summary>
public static class HostConfigurationLoader
{
    private static readonly string[] TopLevelKeys = ["store", "api", "plugins", "models", "watchIntervalMilliseconds", "strategies"];
    private static readonly string[] ApiKeys = ["port", "token"];
    private static readonly string[] StrategyKeys = ["name", "composition", "script", "data", "speed", "cash", "feeBasisPoints", "slippageBasisPoints"];

    /// <summary>Reads and checks the configuration at <paramref name="path"/>.</summary>
    public static HostConfiguration Load(string path)
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
            throw new CompositionException(path, "$", $"not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            Expect(path, root, "$", JsonValueKind.Object);
            RejectUnknown(path, root, "$", TopLevelKeys);
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var strategies = new List<HostStrategyConfiguration>();
            var array = Required(path, root, "$", "strategies");
            Expect(path, array, "$.strategies", JsonValueKind.Array);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                strategies.Add(Strategy(path, element, $"$.strategies[{index++}]", directory));
            }

            if (strategies.Count == 0)
            {
                throw new CompositionException(path, "$.strategies", "expected at least one strategy");
            }

            if (strategies.FirstOrDefault(s => s.Name.EndsWith("-exit", StringComparison.Ordinal)) is { } clash)
            {
                // Exit orders of strategy "x" are "x-exit-NNNNNNNN": a strategy named "x-exit" would share their ids.
                throw new CompositionException(path, "$.strategies", $"the name \"{clash.Name}\" ends with \"-exit\", which is reserved for exit-order ids");
            }

            var duplicate = strategies.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new CompositionException(path, "$.strategies", $"the name \"{duplicate.Key}\" is used twice; names key the persisted state and must be unique");
            }

            var api = Optional(root, "api");
            if (api is { } apiElement)
            {
                Expect(path, apiElement, "$.api", JsonValueKind.Object);
                RejectUnknown(path, apiElement, "$.api", ApiKeys);
            }

            return new HostConfiguration
            {
                SourcePath = path,
                Strategies = strategies,
                StorePath = Resolve(directory, NonBlankString(path, Required(path, root, "$", "store"), "$.store")),
                ApiPort = api is { } port && Optional(port, "port") is { } portElement ? WholeNumber(path, portElement, "$.api.port", 0, 65_535) : 5317,
                ApiToken = api is { } token && Optional(token, "token") is { } tokenElement ? NonBlankString(path, tokenElement, "$.api.token") : null,
                ModelRegistryPath = Optional(root, "models") is { } models ? ModelRegistry(path, models, directory) : null,
                PluginDirectories = Optional(root, "plugins") is { } plugins ? Strings(path, plugins, "$.plugins").Select(p => Resolve(directory, p)).ToList() : [],
                WatchInterval = Optional(root, "watchIntervalMilliseconds") is { } interval
                    ? TimeSpan.FromMilliseconds(WholeNumber(path, interval, "$.watchIntervalMilliseconds", 10, 60_000))
                    : TimeSpan.FromMilliseconds(250),
            };
        }
    }

    private static HostStrategyConfiguration Strategy(string path, JsonElement element, string jsonPath, string directory)
    {
        Expect(path, element, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, element, jsonPath, StrategyKeys);
        var composition = Optional(element, "composition") is { } c ? Resolve(directory, NonBlankString(path, c, $"{jsonPath}.composition")) : null;
        var script = Optional(element, "script") is { } s ? Resolve(directory, NonBlankString(path, s, $"{jsonPath}.script")) : null;
        if ((composition is null) == (script is null))
        {
            throw new CompositionException(path, $"{jsonPath}.composition", "expected exactly one of \"composition\" (a JSON composition) or \"script\" (a C# script strategy)");
        }

        var data = Strings(path, Required(path, element, jsonPath, "data"), $"{jsonPath}.data").Select(file => Resolve(directory, file)).ToList();
        if (data.Count == 0)
        {
            throw new CompositionException(path, $"{jsonPath}.data", "expected at least one data file for the replay feed");
        }

        return new HostStrategyConfiguration
        {
            Name = NonBlankString(path, Required(path, element, jsonPath, "name"), $"{jsonPath}.name"),
            CompositionPath = composition,
            ScriptPath = script,
            DataFiles = data,
            Speed = Optional(element, "speed") is { } speed ? (double)NonNegative(path, speed, $"{jsonPath}.speed") : 60,
            Cash = Optional(element, "cash") is { } cash ? Positive(path, cash, $"{jsonPath}.cash") : 10_000m,
            FeeBasisPoints = Optional(element, "feeBasisPoints") is { } fee ? NonNegative(path, fee, $"{jsonPath}.feeBasisPoints") : 10m,
            SlippageBasisPoints = Optional(element, "slippageBasisPoints") is { } slip ? NonNegative(path, slip, $"{jsonPath}.slippageBasisPoints") : 0m,
        };
    }

    // A registry folder that does not exist is a typo, not an empty registry: following it would silently swap nothing.
    private static string ModelRegistry(string path, JsonElement value, string directory)
    {
        var registry = Resolve(directory, NonBlankString(path, value, "$.models"));
        if (!Directory.Exists(registry))
        {
            throw new CompositionException(path, "$.models", $"the model registry folder {registry} does not exist");
        }

        if (!File.Exists(Path.Combine(registry, Models.Registry.ModelFileNames.Index)))
        {
            throw new CompositionException(path, "$.models", $"{registry} is not a model registry (it has no {Models.Registry.ModelFileNames.Index}; register a model there first)");
        }

        return registry;
    }

    private static string Resolve(string directory, string path) => Path.GetFullPath(Path.Combine(directory, path));

    private static List<string> Strings(string path, JsonElement value, string jsonPath)
    {
        Expect(path, value, jsonPath, JsonValueKind.Array);
        var index = 0;
        return value.EnumerateArray().Select(item => NonBlankString(path, item, $"{jsonPath}[{index++}]")).ToList();
    }
}
