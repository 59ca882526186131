using System.Diagnostics;
using PluginBot.Scripting.Runtime;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Scripting.Tests;

public sealed class ScriptBudgetTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(50);

    [Fact]
    public void OnBar_InfiniteWhileLoop_ThrowsBudgetExceededWithinBoundedTime()
    {
        var strategy = CreateStrategy(TestScripts.Strategy("while (true) { }"));

        var elapsed = Stopwatch.StartNew();
        Assert.Throws<ScriptBudgetExceededException>(() => RunOneEvent(strategy));

        // Generous bound: only proves the loop was stopped by the budget rather than by the test timing out.
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"took {elapsed.Elapsed}");
    }

    [Fact]
    public void OnBar_LoopWithoutBraces_ThrowsBudgetExceeded()
    {
        var strategy = CreateStrategy(TestScripts.Strategy("var count = 0; for (;;) count++;"));

        Assert.Throws<ScriptBudgetExceededException>(() => RunOneEvent(strategy));
    }

    [Fact]
    public void OnBar_CatchingTheBudgetException_CannotKeepLooping()
    {
        var strategy = CreateStrategy(TestScripts.Strategy("""
            while (true)
                    {
                        try { while (true) { } } catch (Exception) { }
                    }
            """));

        Assert.Throws<ScriptBudgetExceededException>(() => RunOneEvent(strategy));
    }

    [Fact]
    public void OnBar_InfiniteRecursionDoingWork_ThrowsBudgetExceededBeforeTheStackOverflows()
    {
        var strategy = CreateStrategy(TestScripts.Strategy("return Recurse(1) > 0 ? Signal.Long() : Signal.Hold;", """
                private static double Recurse(int depth)
                {
                    var sum = 0.0;
                    for (var index = 0; index < 20000; index++)
                    {
                        sum += Math.Sqrt(index + depth);
                    }

                    return sum + Recurse(depth + 1);
                }
            """));

        Assert.Throws<ScriptBudgetExceededException>(() => RunOneEvent(strategy));
    }

    [Fact]
    public void OnBar_ExpressionBodiedRecursionWithoutBudget_IsStoppedBeforeTheStackOverflows()
    {
        // No budget is open: only the stack check can stop it, and it must, because a stack overflow ends the process.
        var strategy = CreateStrategy(TestScripts.Strategy("return Spin(0) > 0 ? Signal.Long() : Signal.Hold;", """
                private static int Spin(int depth) => Spin(depth + 1) + 1;
            """));

        var error = Assert.Throws<ScriptBudgetExceededException>(() => strategy.OnBar(TestScripts.BarClosingAt(1, 0)));
        Assert.Contains("recursion is too deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnBar_RecursionThroughFieldInitializers_IsStoppedBeforeTheStackOverflows()
    {
        var strategy = CreateStrategy(TestScripts.Strategy("return new Node().Value > 0 ? Signal.Long() : Signal.Hold;") + """

            public sealed class Node
            {
                private readonly Node next = new();

                public int Value => next.Value + 1;
            }
            """);

        Assert.Throws<ScriptBudgetExceededException>(() => strategy.OnBar(TestScripts.BarClosingAt(1, 0)));
    }

    [Fact]
    public void OnBar_LambdaRecursionInLinq_ThrowsBudgetExceeded()
    {
        var strategy = CreateStrategy(TestScripts.Strategy("""
            Func<int, int> forever = null!;
                    forever = value => forever(value + 1);
                    return Enumerable.Range(0, 1).Select(value => forever(value)).Sum() > 0 ? Signal.Long() : Signal.Hold;
            """));

        Assert.Throws<ScriptBudgetExceededException>(() => RunOneEvent(strategy));
    }

    [Fact]
    public void OnBar_WellBehavedScriptInsideBudget_ReturnsItsSignal()
    {
        var strategy = CreateStrategy(TestScripts.Strategy("""
            var sum = 0;
                    foreach (var value in new[] { 1, 2, 3 }) { sum += value; }
                    do { sum++; } while (sum < 10);
                    Func<int, int> twice = value => value * 2;
                    return twice(sum) == 20 ? Signal.Long() : Signal.Short();
            """));

        ScriptBudget.Begin(Budget);
        try
        {
            Assert.Equal(PluginBot.Sdk.Signals.SignalDirection.Long, strategy.OnBar(TestScripts.BarClosingAt(1, 0)).Direction);
        }
        finally
        {
            ScriptBudget.End();
        }
    }

    [Fact]
    public void End_ScriptSwallowedTheBudgetException_StillReportsTheBudgetExceeded()
    {
        var strategy = CreateStrategy(TestScripts.Strategy("""
            try { while (true) { } } catch (Exception) { }
                    return Signal.Long();
            """));

        ScriptBudget.Begin(Budget);
        var signal = strategy.OnBar(TestScripts.BarClosingAt(1, 0));
        var exceeded = ScriptBudget.End();

        Assert.Equal(PluginBot.Sdk.Signals.SignalDirection.Long, signal.Direction);
        Assert.True(exceeded);
    }

    [Fact]
    public void End_EventWithinBudget_ReportsNotExceeded()
    {
        ScriptBudget.Begin(TimeSpan.FromSeconds(30));

        Assert.True(ScriptBudget.IsActive);
        Assert.False(ScriptBudget.End());
        Assert.False(ScriptBudget.IsActive);
    }

    [Fact]
    public void Tick_WithoutOpenBudget_DoesNotThrow()
    {
        ScriptBudget.End();

        ScriptBudget.Tick();

        Assert.False(ScriptBudget.IsActive);
    }

    [Fact]
    public void Tick_AfterDeadline_ThrowsUntilEnd()
    {
        ScriptBudget.Begin(TimeSpan.FromMilliseconds(1));
        try
        {
            Thread.Sleep(20);
            Assert.Throws<ScriptBudgetExceededException>(ScriptBudget.Tick);
            Assert.Throws<ScriptBudgetExceededException>(ScriptBudget.Tick);
        }
        finally
        {
            ScriptBudget.End();
        }

        ScriptBudget.Tick();
    }

    private static IStrategy CreateStrategy(string source)
    {
        // The loaded script is never unloaded here: these tests are about the budget, the unload tests are elsewhere.
        var script = LoadedScript.Load(TestScripts.CompileSuccessfully(source, "Budget"));
        return script.CreateStrategy();
    }

    private static void RunOneEvent(IStrategy strategy)
    {
        ScriptBudget.Begin(Budget);
        try
        {
            strategy.OnBar(TestScripts.BarClosingAt(1, 0));
        }
        finally
        {
            ScriptBudget.End();
        }
    }
}
