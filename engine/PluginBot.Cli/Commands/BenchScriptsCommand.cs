using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using PluginBot.Hosting.Loading;
using PluginBot.Scripting;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot bench scripts</c>: what a save costs. The first compile in a process pays for loading and compiling
/// Roslyn itself (cold); every later save is a warm recompile. Each cycle edits the script (so the compiler cannot
/// reuse anything), compiles, loads it into a new collectible context, runs it once and unloads it, verifying the
/// collection; memory is sampled to show whether 200 recompiles leave anything behind.
/// </summary>
internal static class BenchScriptsCommand
{
    public static Command Create()
    {
        var recompiles = new Option<int>("--recompiles") { Description = "Warm recompiles after the cold one", DefaultValueFactory = _ => 200 };
        var script = new Option<string?>("--script") { Description = "Script to compile (default: samples/scripts/rsi-reversion.cs)" };
        var command = new Command("scripts", "Benchmark script compilation: cold compile, warm recompile and memory over many recompiles") { recompiles, script };
        command.SetAction(parse => Run(parse.GetValue(recompiles), parse.GetValue(script)));
        return command;
    }

    private static int Run(int recompiles, string? scriptPath)
    {
        if (recompiles < 2)
        {
            throw new ArgumentException($"--recompiles: expected at least 2, found {recompiles}");
        }

        scriptPath ??= Path.Combine(RepositoryLayout.FindRoot() ?? throw new DirectoryNotFoundException("Repository not found; pass --script."), "samples", "scripts", "rsi-reversion.cs");
        var source = File.ReadAllText(scriptPath);
        var compiler = new ScriptCompiler();
        var stopwatch = Stopwatch.StartNew();
        var cold = Cycle(compiler, source, scriptPath, 0);
        var coldMilliseconds = stopwatch.Elapsed.TotalMilliseconds;

        var compileTimes = new List<double>();
        var notCollected = cold ? 0 : 1;
        long managedAfterFirst = 0;
        long workingSetAfterFirst = 0;
        for (var index = 1; index <= recompiles; index++)
        {
            stopwatch.Restart();
            var compilation = compiler.Compile(source + $"{Environment.NewLine}// edit {index}", scriptPath);
            compileTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (!LoadRunUnload(compilation))
            {
                notCollected++;
            }

            if (index == 10)
            {
                // Growth is measured after the first few recompiles have settled the compiler's caches.
                managedAfterFirst = GC.GetTotalMemory(forceFullCollection: true);
                workingSetAfterFirst = Environment.WorkingSet;
            }
        }

        var managedAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAtEnd = Environment.WorkingSet;
        compileTimes.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold compile (first in the process, includes loading Roslyn), load, run, unload: {coldMilliseconds:0.0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm recompile over {recompiles} edits: median {compileTimes[compileTimes.Count / 2]:0.00} ms, p99 {compileTimes[Math.Min(compileTimes.Count - 1, (int)(compileTimes.Count * 0.99))]:0.00} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory from recompile 10 to {recompiles}: managed {(managedAtEnd - managedAfterFirst) / 1024.0 / 1024.0:+0.00;-0.00} MB, working set {(workingSetAtEnd - workingSetAfterFirst) / 1024.0 / 1024.0:+0.00;-0.00} MB; unload verified in {recompiles + 1 - notCollected} of {recompiles + 1} loads"));
        return notCollected == 0 ? 0 : 1;
    }

    private static bool Cycle(ScriptCompiler compiler, string source, string path, int edit) =>
        LoadRunUnload(compiler.Compile(source + $"{Environment.NewLine}// edit {edit}", path));

    private static bool LoadRunUnload(ScriptCompilationResult compilation)
    {
        if (!compilation.Success)
        {
            throw new InvalidOperationException(compilation.FormatDiagnostics());
        }

        return UnloadVerifier.WaitForCollection(LoadAndRun(compilation));
    }

    // Its own frame: nothing of the script survives on the caller's stack when the collection is verified.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndRun(ScriptCompilationResult compilation)
    {
        var loaded = LoadedScript.Load(compilation);
        var strategy = loaded.CreateStrategy();
        var bar = new PluginBot.Sdk.Market.Bar("BENCH", PluginBot.Sdk.Market.BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1m, 1m, 1m, 1m, 1m);
        strategy.OnBar(in bar);
        return loaded.Unload();
    }
}
