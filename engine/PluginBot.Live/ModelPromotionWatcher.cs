using System.Text.Json;
using System.Text.Json.Nodes;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Models.Registry;
using PluginBot.Sdk.Configuration;

namespace PluginBot.Live;

/// <summary>
/// Follows a model registry for the running host: when production of a (symbol, kind) changes (a promotion or a
/// rollback), every committee expert slot serving a version folder of that model with <c>onnx-expert</c> is asked to
/// swap to a new instance with the same settings but the new production folder. Only those slots change: an
/// <c>onnx-expert</c> serving another model, or a model outside this registry, keeps running untouched.
/// </summary>
/// <remarks>
/// The registry is polled from a timer thread and the swap is only requested there; the slot builds, checks and warms
/// the new model on its engine thread between two events, so no engine thread ever waits for the registry. A model
/// the expert refuses (tampered file, another feature schema, other classes) leaves the old model serving; the swap
/// record says why. Polling costs one tiny query while nothing changes, because the registry bumps a revision counter
/// on every state change and production is read only when it moved.
/// </remarks>
public sealed class ModelPromotionWatcher : IDisposable
{
    /// <summary>The expert plugin whose slots follow production: it serves a registered model folder.</summary>
    public const string ExpertPluginId = "onnx-expert";

    /// <summary>The setting naming the version folder the expert serves.</summary>
    public const string ModelDirectorySetting = "modelDirectory";

    // Between the plugin version and the model version in a swap record: "onnx-expert@1.0.0 model v0002".
    private const string ModelVersionMarker = " model ";

    private readonly ModelRegistry registry;
    private readonly IReadOnlyList<LiveStrategy> strategies;
    private readonly PluginCatalog catalog;
    private readonly Dictionary<(string Symbol, string Kind), int?> production = [];
    private readonly List<string> reports = [];
    private readonly object gate = new();
    private long? revision;
    private string? lastError;
    private ITimer? timer;

    /// <summary>Follows <paramref name="registry"/> for the committee experts of <paramref name="strategies"/>.</summary>
    /// <param name="registry">The registry whose production versions are followed.</param>
    /// <param name="strategies">The running strategies; those without a committee are ignored.</param>
    /// <param name="catalog">Where the expert plugin's current factory and version come from at swap time.</param>
    public ModelPromotionWatcher(ModelRegistry registry, IReadOnlyList<LiveStrategy> strategies, PluginCatalog catalog)
    {
        this.registry = registry;
        this.strategies = strategies;
        this.catalog = catalog;
    }

    /// <summary>The registry followed.</summary>
    public string RegistryRoot => registry.Root;

    /// <summary>Promotions seen, swaps requested, applied and refused, and registry read errors, for the console.</summary>
    public IReadOnlyList<string> Reports
    {
        get
        {
            lock (reports)
            {
                return reports.ToArray();
            }
        }
    }

    /// <summary>True when <paramref name="version"/> (a swap record's) names a model version this watcher swapped in.</summary>
    public static bool IsModelVersion(string version) => version.Contains(ModelVersionMarker, StringComparison.Ordinal);

    /// <summary>
    /// Takes the registry's current production versions as the baseline (what the strategies were started with is not
    /// a change), then polls every <paramref name="interval"/> on <paramref name="time"/>'s timer. The timer is
    /// one-shot and re-armed after each poll, so polls never overlap.
    /// </summary>
    public void Start(TimeSpan interval, TimeProvider time)
    {
        Poll();
        timer = time.CreateTimer(_ =>
        {
            Poll();
            timer?.Change(interval, Timeout.InfiniteTimeSpan);
        }, null, interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Looks at the registry once. The first poll only records production; later ones request a swap of every slot
    /// serving a model whose production version changed since the previous poll. Returns how many swaps were asked for.
    /// A registry that cannot be read is reported and retried on the next poll.
    /// </summary>
    public int Poll()
    {
        lock (gate)
        {
            List<ModelSlot> slots;
            Dictionary<(string Symbol, string Kind), ModelVersionRecord?> now;
            long current;
            try
            {
                current = registry.GetRevision();
                if (current == revision)
                {
                    return 0;
                }

                slots = ModelSlots();
                now = slots.Select(slot => (slot.Model.Symbol, slot.Model.Kind)).Distinct().ToDictionary(key => key, key => registry.GetProduction(key.Symbol, key.Kind));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Locked, moved or damaged: the strategies keep their models; the next poll tries again.
                var message = $"model registry {registry.Root} could not be read: {exception.Message}";
                if (message != lastError)
                {
                    Report(message);
                    lastError = message;
                }

                return 0;
            }

            lastError = null;
            revision = current;
            var requested = 0;
            foreach (var (key, record) in now)
            {
                var known = production.TryGetValue(key, out var before);
                production[key] = record?.Version;
                if (!known || record is null || before == record.Version)
                {
                    continue;
                }

                Report($"model promotion: {key.Symbol}/{key.Kind} production {Label(before)} -> {record.VersionLabel}");
                foreach (var slot in slots.Where(slot => (slot.Model.Symbol, slot.Model.Kind) == key && !SameFolder(slot.Model.Directory, record.Directory)))
                {
                    requested += RequestSwap(slot, record) ? 1 : 0;
                }
            }

            return requested;
        }
    }

    /// <inheritdoc />
    public void Dispose() => timer?.Dispose();

    private bool RequestSwap(ModelSlot slot, ModelVersionRecord record)
    {
        var name = $"{slot.Strategy.Name} {slot.Set}.{slot.Slot}";
        Func<Sdk.Plugins.IPlugin> factory;
        string pluginVersion;
        try
        {
            factory = catalog.FactoryFor(slot.Reference.PluginId);
            pluginVersion = catalog.VersionOf(slot.Reference.PluginId);
        }
        catch (KeyNotFoundException exception)
        {
            Report($"model promotion: {name} cannot swap to {record}: {exception.Message}");
            return false;
        }

        var version = $"{slot.Reference.PluginId}@{pluginVersion}{ModelVersionMarker}{record.VersionLabel}";
        var replacement = new PluginReference(slot.Reference.PluginId, WithModelDirectory(slot.Reference.Settings, record.Directory));
        var serving = slot.Model.Label;
        var asked = slot.Strategy.Session.RequestCommitteeExpertSwap(slot.Set, slot.Slot, factory, version, replacement, swap => Report(swap.Succeeded
            ? $"model promotion: {name} now serves {record} ({version}; {swap.Note ?? "no warm-up"})"
            : $"model promotion: {name} refused {record} and keeps serving {serving}: {FirstLine(swap.Error)}"));
        if (asked)
        {
            Report($"model promotion: {name} swapping {serving} -> {record.VersionLabel}");
        }

        return asked;
    }

    // Every committee expert slot serving a version folder of this registry now (its current settings, which a
    // previous promotion may have changed from the composition's).
    private List<ModelSlot> ModelSlots()
    {
        var slots = new List<ModelSlot>();
        foreach (var strategy in strategies.Where(strategy => !strategy.Session.IsFinished))
        {
            var session = strategy.Session;
            foreach (var (set, committee) in new[] { (BacktestSession.ControlExpertSet, session.Committee), (BacktestSession.CandidateExpertSet, session.CandidateCommittee) })
            {
                foreach (var expert in committee?.ExpertSlots ?? [])
                {
                    if (session.CommitteeExpertReference(set, expert.Name) is { } reference
                        && string.Equals(reference.PluginId, ExpertPluginId, StringComparison.Ordinal)
                        && FolderOf(reference.Settings) is { } model)
                    {
                        slots.Add(new ModelSlot(strategy, set, expert.Name, reference, model));
                    }
                }
            }
        }

        return slots;
    }

    // {root}/{symbol}/{kind}/v0003 names a version of this registry; anything else (the shipped strategies/models, a
    // folder of another registry) is not this watcher's to follow.
    private ModelFolder? FolderOf(PluginSettings settings)
    {
        string directory;
        try
        {
            directory = settings.GetPath(ModelDirectorySetting, string.Empty);
        }
        catch (PluginSettingsException)
        {
            return null;
        }

        if (directory.Length == 0)
        {
            return null;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parts = Path.GetRelativePath(registry.Root, full).Split(Path.DirectorySeparatorChar);
        return parts.Length == 3 && parts[0] != ".." && !Path.IsPathRooted(parts[0])
            && ModelVersionLabel.TryParse(parts[2], out var version) && ModelVersionLabel.Format(version) == parts[2]
            ? new ModelFolder(parts[0], parts[1], parts[2], full)
            : null;
    }

    // The old settings with only the folder changed, so a threshold or horizon chosen for the strategy survives the
    // promotion. The folder is absolute: the settings keep the composition's base directory for any other path.
    private static PluginSettings WithModelDirectory(PluginSettings settings, string directory)
    {
        var json = settings.Json.ValueKind == JsonValueKind.Object ? JsonNode.Parse(settings.Json.GetRawText())!.AsObject() : new JsonObject();
        json[ModelDirectorySetting] = directory;
        using var document = JsonDocument.Parse(json.ToJsonString());
        return new PluginSettings(document.RootElement, settings.Path, settings.BaseDirectory);
    }

    private static bool SameFolder(string left, string right) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(left)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(right)), StringComparison.Ordinal);

    private static string Label(int? version) => version is { } number ? ModelVersionLabel.Format(number) : "none";

    // A refusal's error carries the exception's stack; the console line needs its message.
    private static string FirstLine(string? text) =>
        text is null ? "no reason given" : text.Split('\n', 2)[0].TrimEnd('\r');

    private void Report(string line)
    {
        lock (reports)
        {
            reports.Add(line);
        }
    }

    private sealed record ModelFolder(string Symbol, string Kind, string Label, string Directory);

    private sealed record ModelSlot(LiveStrategy Strategy, string Set, string Slot, PluginReference Reference, ModelFolder Model);
}
