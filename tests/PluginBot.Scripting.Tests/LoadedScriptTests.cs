using System.Runtime.CompilerServices;
using PluginBot.Hosting.Loading;
using PluginBot.Sdk.Signals;

namespace PluginBot.Scripting.Tests;

public sealed class LoadedScriptTests
{
    [Fact]
    public void Unload_AfterTheStrategyWasUsed_ContextIsCollected()
    {
        var reference = LoadUseAndUnload(TestScripts.Strategy("return bar.Close > 5 ? Signal.Long() : Signal.Short();"));

        Assert.True(UnloadVerifier.WaitForCollection(reference), "the script's load context was not collected");
    }

    [Fact]
    public void Load_TwoVersionsOfOneFile_RunSideBySide()
    {
        var first = TestScripts.CompileSuccessfully(TestScripts.Strategy("return Signal.Long();"), "Versioned");
        var second = TestScripts.CompileSuccessfully(TestScripts.Strategy("return Signal.Short();"), "Versioned");
        using var firstScript = LoadedScript.Load(first);
        using var secondScript = LoadedScript.Load(second);

        Assert.NotEqual(first.AssemblyName, second.AssemblyName);
        Assert.NotEqual(firstScript.Version, secondScript.Version);
        Assert.NotEqual(firstScript.LoadContextName, secondScript.LoadContextName);
        Assert.Equal(SignalDirection.Long, firstScript.CreateStrategy().OnBar(TestScripts.BarClosingAt(1, 0)).Direction);
        Assert.Equal(SignalDirection.Short, secondScript.CreateStrategy().OnBar(TestScripts.BarClosingAt(1, 0)).Direction);
        Assert.Equal(first.Version, firstScript.Version);
        Assert.Equal(TestScripts.PathFor("Versioned"), firstScript.SourcePath);
        Assert.Equal("TestStrategy", firstScript.EntryTypeName);
    }

    [Fact]
    public void CreateStrategy_ConstructorThrows_StackTraceNamesTheScriptLine()
    {
        var source = TestScripts.Strategy("return Signal.Hold;", """
                public TestStrategy()
                {
                    throw new InvalidOperationException("bad settings");
                }
            """);
        using var script = LoadedScript.Load(TestScripts.CompileSuccessfully(source, "Throwing"));

        var error = Assert.Throws<InvalidOperationException>(() => script.CreateStrategy());

        // The throw is on line 17: the template puts extra members after line 14 (the end of OnBar), then header and brace.
        Assert.Equal("bad settings", error.Message);
        Assert.Contains($"{TestScripts.PathFor("Throwing")}:line 17", error.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void OnBar_ScriptThrows_StackTraceNamesTheOriginalLineDespiteInstrumentation()
    {
        var source = TestScripts.Strategy("""
            for (var index = 0; index < 3; index++) { _ = index; }
                    Func<int, int> fail = value => value > 0 ? throw new ArgumentException("no") : value;
                    return fail(1) > 0 ? Signal.Long() : Signal.Hold;
            """);
        using var script = LoadedScript.Load(TestScripts.CompileSuccessfully(source, "ThrowsInOnBar"));
        var strategy = script.CreateStrategy();

        var error = Assert.Throws<ArgumentException>(() => strategy.OnBar(TestScripts.BarClosingAt(1, 0)));

        Assert.Contains($"{TestScripts.PathFor("ThrowsInOnBar")}:line 14", error.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FailedCompilation_IsRefusedWithItsDiagnostics()
    {
        var failed = TestScripts.Compile(TestScripts.Strategy("return missing;"));

        var error = Assert.Throws<ArgumentException>(() => LoadedScript.Load(failed));

        Assert.Contains("CS0103", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateStrategy_AfterUnload_Throws()
    {
        var script = LoadedScript.Load(TestScripts.CompileSuccessfully(TestScripts.Strategy("return Signal.Hold;")));
        var reference = script.Unload();

        Assert.True(script.IsUnloaded);
        Assert.Same(reference, script.Unload());
        Assert.Throws<ObjectDisposedException>(() => script.CreateStrategy());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadUseAndUnload(string source)
    {
        var script = LoadedScript.Load(TestScripts.CompileSuccessfully(source, "Unloading"));
        var strategy = script.CreateStrategy();
        Assert.Equal(SignalDirection.Long, strategy.OnBar(TestScripts.BarClosingAt(10, 0)).Direction);
        Assert.Equal(SignalDirection.Short, strategy.OnBar(TestScripts.BarClosingAt(1, 1)).Direction);
        return script.Unload();
    }
}
