using PluginBot.Sdk.Market;

namespace PluginBot.Scripting.Tests;

/// <summary>
/// One compiler shared by every test (Roslyn's first compile pays for JIT and reference loading; later ones are fast),
/// plus small builders for scripts and bars.
/// </summary>
internal static class TestScripts
{
    public static readonly ScriptCompiler Compiler = new();

    /// <summary>A path that does not exist: scripts compile from text, the path only names them in diagnostics and stack traces.</summary>
    public static string PathFor(string name) => Path.Combine(Path.GetTempPath(), "pluginbot-script-tests", name + ".cs");

    public static ScriptCompilationResult Compile(string source, string name = "TestScript") => Compiler.Compile(source, PathFor(name));

    public static ScriptCompilationResult CompileSuccessfully(string source, string name = "TestScript")
    {
        var result = Compile(source, name);
        Assert.True(result.Success, result.FormatDiagnostics());
        return result;
    }

    /// <summary>A strategy whose OnBar body is <paramref name="onBarBody"/>, with optional extra members.</summary>
    public static string Strategy(string onBarBody, string members = "") => $$"""
        using PluginBot.Sdk.Market;
        using PluginBot.Sdk.Plugins;
        using PluginBot.Sdk.Signals;

        public sealed class TestStrategy : IStrategy
        {
            public void Initialize(IPluginContext context)
            {
            }

            public Signal OnBar(in Bar bar)
            {
                {{onBarBody}}
            }
        {{members}}
        }
        """;

    public static Bar BarClosingAt(decimal close, int index) => new(
        "BTCUSDT", BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(index), close, close, close, close, 1m);
}
