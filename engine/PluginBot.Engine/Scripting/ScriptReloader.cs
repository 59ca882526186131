using System.Collections.Concurrent;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Hosting.Loading;
using PluginBot.Scripting;

namespace PluginBot.Engine.Scripting;

/// <summary>
/// Hot reload of one script strategy: on every settled save the file is recompiled; a version that does not compile
/// (or breaks the sandbox) is reported with file:line:column and the running version keeps trading; a good one is
/// swapped into every attached session between two events (state carried when the script opts in), and the previous
/// version's context is unloaded, with its collection verified, once nothing runs it.
/// </summary>
public sealed class ScriptReloader
{
    private readonly ScriptCompiler compiler;
    private readonly string scriptPath;
    private readonly PluginCatalog catalog;
    private readonly TimeSpan budget;
    private readonly List<BacktestSession> sessions = [];
    private readonly List<LoadedScript> retired = [];
    private readonly ConcurrentQueue<string> reports = new();
    private readonly object gate = new();
    private LoadedScript current;

    /// <summary>Takes over <paramref name="running"/>, the version already registered for <paramref name="scriptPath"/>.</summary>
    public ScriptReloader(ScriptCompiler compiler, string scriptPath, LoadedScript running, PluginCatalog catalog, TimeSpan budget)
    {
        this.compiler = compiler;
        this.scriptPath = scriptPath;
        this.catalog = catalog;
        this.budget = budget;
        current = running;
    }

    /// <summary>What happened, in order: compiles, refusals with their diagnostics, swaps and releases.</summary>
    public IReadOnlyList<string> Reports => reports.ToArray();

    /// <summary>The diagnostics of the last save that did not compile; empty after a good one.</summary>
    public IReadOnlyList<ScriptDiagnostic> LastDiagnostics { get; private set; } = [];

    /// <summary>Old versions unloaded so far whose context was verified collected.</summary>
    public int ReleasedAndCollected { get; private set; }

    /// <summary>Lets reloads reach <paramref name="session"/>.</summary>
    public void Attach(BacktestSession session)
    {
        lock (gate)
        {
            sessions.Add(session);
        }
    }

    /// <summary>Recompiles after a save (call it from <see cref="ScriptFileWatcher.Saved"/>). Never throws.</summary>
    public void OnSaved(string path)
    {
        lock (gate)
        {
            try
            {
                Reload();
            }
            catch (Exception exception)
            {
                reports.Enqueue($"{scriptPath}: reload failed, the running version stays: {exception}");
            }
        }

        ReleaseRetired();
    }

    /// <summary>Unloads earlier versions nothing runs any more and verifies each was collected.</summary>
    public void ReleaseRetired()
    {
        lock (gate)
        {
            sessions.RemoveAll(session => session.IsFinished && !session.HasPendingSwaps);
            if (sessions.Any(session => session.HasPendingSwaps))
            {
                return;
            }

            foreach (var script in retired.Where(script => !IsRunning(script)).ToList())
            {
                retired.Remove(script);
                var collected = UnloadVerifier.WaitForCollection(script.Unload());
                if (collected)
                {
                    ReleasedAndCollected++;
                }

                reports.Enqueue(collected
                    ? $"{script.SourcePath} {script.Version}: unloaded, load context collected"
                    : $"{script.SourcePath} {script.Version}: unloaded, but its load context is still referenced");
            }
        }
    }

    private void Reload()
    {
        var compilation = compiler.CompileFile(scriptPath);
        if (!compilation.Success)
        {
            LastDiagnostics = compilation.Diagnostics;
            reports.Enqueue($"{scriptPath} {compilation.Version}: does not compile, the running version {current.Version} keeps trading:{Environment.NewLine}{compilation.FormatDiagnostics()}");
            return;
        }

        LastDiagnostics = [];
        if (compilation.ContentHash == current.ContentHash)
        {
            return;
        }

        var loaded = LoadedScript.Load(compilation);
        var id = ScriptCompositions.PluginIdFor(scriptPath);
        catalog.Register(id, () => new ScriptStrategy(loaded, budget), loaded.Version);
        retired.Add(current);
        current = loaded;
        reports.Enqueue($"{scriptPath} {loaded.Version}: compiled");
        foreach (var session in sessions.Where(session => !session.IsFinished))
        {
            session.RequestSwap(id, () => new ScriptStrategy(loaded, budget), loaded.Version, record =>
                reports.Enqueue(record.Succeeded
                    ? $"{scriptPath}: swapped {record.FromVersion} -> {record.ToVersion} at {record.Time:O} ({record.Note})"
                    : $"{scriptPath}: kept {record.FromVersion}: {record.Error}"));
        }
    }

    private bool IsRunning(LoadedScript script) =>
        sessions.Any(session => !session.IsFinished && session.CurrentPluginInstances().OfType<ScriptStrategy>().Any(running => ReferenceEquals(running.Script, script)));
}
