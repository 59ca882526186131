using PluginBot.Sdk.Signals;

namespace PluginBot.Scripting.Tests;

public sealed class ScriptCompilerTests
{
    private const string RsiMeanReversion = """
        using PluginBot.Indicators;
        using PluginBot.Sdk.Market;
        using PluginBot.Sdk.Plugins;
        using PluginBot.Sdk.Signals;

        namespace Scripts.Samples;

        /// Buys oversold and sells overbought closes by a 2-period RSI.
        public sealed class RsiMeanReversion : IStrategy
        {
            private readonly RelativeStrengthIndex rsi = new(2);

            public void Initialize(IPluginContext context)
            {
            }

            public Signal OnBar(in Bar bar)
            {
                rsi.Update((double)bar.Close);
                if (!rsi.IsReady)
                {
                    return Signal.Hold;
                }

                return rsi.Value switch
                {
                    < 30 => Signal.Long(),
                    > 70 => Signal.Short(),
                    _ => Signal.Hold,
                };
            }
        }
        """;

    [Fact]
    public void Compile_RsiStrategyOverIndicators_LoadsAndReturnsHandComputedSignals()
    {
        var result = TestScripts.CompileSuccessfully(RsiMeanReversion, "RsiMeanReversion");
        Assert.Equal("Scripts.Samples.RsiMeanReversion", result.EntryTypeName);
        using var script = LoadedScript.Load(result);
        var strategy = script.CreateStrategy();

        // Wilder RSI(2), seeded with the mean of the first two changes (+1, +1):
        // bar 3: gain 1, loss 0 → 100 (short); bar 4 (−1): 0.5/0.5 → 50 (hold); bar 5 (−2): 0.25/1.25 → 16.7 (long);
        // bar 6 (+1): 0.625/0.625 → 50 (hold); bar 7 (+3): 1.8125/0.3125 → 85.3 (short). Bars 1–2 warm up.
        decimal[] closes = [10, 11, 12, 11, 9, 10, 13];
        var directions = closes.Select((close, index) => strategy.OnBar(TestScripts.BarClosingAt(close, index)).Direction).ToList();

        SignalDirection[] expected =
        [
            SignalDirection.Hold, SignalDirection.Hold, SignalDirection.Short, SignalDirection.Hold,
            SignalDirection.Long, SignalDirection.Hold, SignalDirection.Short,
        ];
        Assert.Equal(expected, directions);
    }

    [Fact]
    public void Compile_ValidScript_ReportsHashVersionAndPdb()
    {
        var result = TestScripts.CompileSuccessfully(RsiMeanReversion, "RsiMeanReversion");

        Assert.Equal(64, result.ContentHash.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(RsiMeanReversion))), result.ContentHash);
        Assert.Equal(result.ContentHash[..12], result.Version);
        Assert.StartsWith($"script-RsiMeanReversion-{result.Version}-", result.AssemblyName, StringComparison.Ordinal);
        Assert.NotEmpty(result.AssemblyBytes!);
        Assert.NotEmpty(result.PdbBytes!);
        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.IsError);
    }

    [Fact]
    public void Compile_SeveralCompilerErrors_ReportsEachWithExactPositionIdAndMessage()
    {
        var source = TestScripts.Strategy("""
                    var total = missingValue + 1;
                    int count = "text";
                    return Signal.Hold;
            """);

        var result = TestScripts.Compile(source);

        Assert.False(result.Success);
        Assert.Null(result.AssemblyBytes);
        var errors = result.Errors.ToList();
        Assert.Equal(2, errors.Count);
        // Line 13 is OnBar's first body line: "missingValue" follows 16 spaces and "var total = "; line 14's
        // "text" follows 8 spaces and "int count = " (only the first inserted line gets the template's indentation).
        Assert.Equal(new ScriptDiagnostic(TestScripts.PathFor("TestScript"), 13, 29, "CS0103", "error", "The name 'missingValue' does not exist in the current context"), errors[0]);
        Assert.Equal(new ScriptDiagnostic(TestScripts.PathFor("TestScript"), 14, 21, "CS0029", "error", "Cannot implicitly convert type 'string' to 'int'"), errors[1]);
        Assert.Equal($"{TestScripts.PathFor("TestScript")}:13:29: error CS0103: The name 'missingValue' does not exist in the current context", errors[0].ToString());
    }

    [Fact]
    public void Compile_SyntaxError_ReportsPositionOfTheMissingToken()
    {
        var source = TestScripts.Strategy("return Signal.Hold");

        var error = Assert.Single(TestScripts.Compile(source).Errors);

        Assert.Equal("CS1002", error.Id);
        Assert.Equal(13, error.Line);
        Assert.Equal(27, error.Column);
        Assert.Equal("; expected", error.Message);
    }

    [Fact]
    public void Compile_NoStrategyClass_ReportsMissingEntryType()
    {
        var result = TestScripts.Compile("public sealed class NotAStrategy { }");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ScriptDiagnosticIds.MissingEntryType, error.Id);
        Assert.Contains("PluginBot.Sdk.Plugins.IStrategy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_StrategyWithoutParameterlessConstructor_NamesTheUnusableClass()
    {
        var source = TestScripts.Strategy("return Signal.Hold;", "    public TestStrategy(int period) { }");

        var error = Assert.Single(TestScripts.Compile(source).Errors);

        Assert.Equal(ScriptDiagnosticIds.MissingEntryType, error.Id);
        Assert.Contains("TestStrategy must be public, non-abstract", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TwoStrategyClasses_ReportsAmbiguityAtTheSecond()
    {
        var source = TestScripts.Strategy("return Signal.Hold;") + """

            public sealed class SecondStrategy : IStrategy
            {
                public void Initialize(IPluginContext context) { }
                public Signal OnBar(in Bar bar) => Signal.Hold;
            }
            """;

        var error = Assert.Single(TestScripts.Compile(source).Errors);

        Assert.Equal(ScriptDiagnosticIds.AmbiguousEntryType, error.Id);
        Assert.Equal(17, error.Line);
        Assert.Contains("SecondStrategy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CsxExtension_CompilesAsRegularCode()
    {
        var result = TestScripts.Compiler.Compile(TestScripts.Strategy("return Signal.Long();"), Path.Combine(Path.GetTempPath(), "Quick.csx"));

        Assert.True(result.Success, result.FormatDiagnostics());
        Assert.StartsWith("script-Quick-", result.AssemblyName, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SameFileTwice_GivesDistinctAssemblyNamesForTheSameHash()
    {
        var source = TestScripts.Strategy("return Signal.Long();");

        var first = TestScripts.CompileSuccessfully(source);
        var second = TestScripts.CompileSuccessfully(source);

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.NotEqual(first.AssemblyName, second.AssemblyName);
    }

    [Fact]
    public void CompileFile_ScriptOnDisk_ReadsItAndNamesItsFullPath()
    {
        var directory = Directory.CreateTempSubdirectory("pluginbot-script-");
        try
        {
            var path = Path.Combine(directory.FullName, "OnDisk.cs");
            File.WriteAllText(path, TestScripts.Strategy("return Signal.Flat();"));

            var result = TestScripts.Compiler.CompileFile(path);

            Assert.True(result.Success, result.FormatDiagnostics());
            Assert.Equal(path, result.SourcePath);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
