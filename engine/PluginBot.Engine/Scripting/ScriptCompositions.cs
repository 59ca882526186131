using PluginBot.Engine.Composition;
using PluginBot.Scripting;
using PluginBot.Sdk.Configuration;

namespace PluginBot.Engine.Scripting;

/// <summary>
/// Turns a script file into something the engine runs like any plugin: compiled, loaded into its own collectible
/// context, registered in the catalog under "script:&lt;file name&gt;" with its content hash as version, and given a
/// composition (fixed-fraction sizing by default) so <c>pluginbot backtest --strategy FILE.cs</c> works.
/// </summary>
public static class ScriptCompositions
{
    /// <summary>The catalog id of a script file.</summary>
    public static string PluginIdFor(string scriptPath) => "script:" + Path.GetFileName(scriptPath);

    /// <summary>True for the file endings script strategies use.</summary>
    public static bool IsScript(string path) =>
        path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Compiles and loads <paramref name="scriptPath"/> and registers it in <paramref name="catalog"/>.
    /// </summary>
    /// <exception cref="ScriptCompilationException">It does not compile or breaks the sandbox; the message lists every diagnostic as file:line:column.</exception>
    public static LoadedScript Register(ScriptCompiler compiler, string scriptPath, PluginCatalog catalog, TimeSpan budget)
    {
        var compilation = compiler.CompileFile(scriptPath);
        if (!compilation.Success)
        {
            throw new ScriptCompilationException(compilation);
        }

        var loaded = LoadedScript.Load(compilation);
        catalog.Register(PluginIdFor(scriptPath), () => new ScriptStrategy(loaded, budget), loaded.Version);
        return loaded;
    }

    /// <summary>A composition running the script with the built-in fixed-fraction sizer at 95 % of equity, long only.</summary>
    public static StrategyComposition For(string scriptPath) => new()
    {
        Name = Path.GetFileNameWithoutExtension(scriptPath),
        SourcePath = scriptPath,
        Description = $"script strategy {scriptPath}",
        Strategy = new PluginReference(PluginIdFor(scriptPath), PluginSettings.Empty),
        Sizer = new PluginReference("fixed-fraction", PluginSettings.Empty),
    };
}
