using PluginBot.Scripting.Runtime;
using PluginBot.Sdk.Signals;

namespace PluginBot.Scripting.Tests;

public sealed class BudgetInstrumenterTests
{
    /// <summary>Every body shape the instrumenter rewrites, each contributing to the returned confidence.</summary>
    private const string EveryBodyShape = """
        public readonly struct Price
        {
            private readonly decimal offset = 1m;

            public Price(decimal value) => Value = value;

            public decimal Value { get; }

            public decimal Shifted => Value + offset;

            public decimal this[int times] => Value * times;

            public static Price operator +(Price left, Price right) => new(left.Value + right.Value);

            public static implicit operator decimal(Price price) => price.Value;
        }

        public sealed record Window(int Size)
        {
            public int Doubled { get; } = Size * 2;
        }

        public sealed class Shapes : IStrategy
        {
            private int calls;
            private int counter;

            public int Counter { get => counter; set => counter = value; }

            public void Initialize(IPluginContext context) => calls++;

            public Signal OnBar(in Bar bar)
            {
                int Square(int value) => value * value;
                void Bump() => Counter++;
                Action bumpTwice = () => { Bump(); Bump(); };
                Func<int, int> checkedHalf = value => value >= 0 ? value / 2 : throw new ArgumentOutOfRangeException(nameof(value));
                bumpTwice();
                var total = 0m;
                foreach (var (key, value) in new Dictionary<int, int> { [1] = 2 })
                    total += key + value;
                while (total < 10) total++;
                var price = new Price(2) + new Price(3);
                decimal asDecimal = price;
                var fromIndexer = price[2];
                var kind = bar.Close switch { > 0 => 1, _ => 0 };
                var sum = Square(3) + checkedHalf(8) + new Window(4).Doubled + Counter + kind;
                return sum == 9 + 4 + 8 + 2 + 1 && total == 10 && asDecimal == 5 && fromIndexer == 10 && price.Shifted == 6
                    ? Signal.Long(0.5)
                    : Signal.Short();
            }
        }
        """;

    [Fact]
    public void Compile_EveryBodyShape_StillCompilesAndBehavesTheSame()
    {
        using var script = LoadedScript.Load(TestScripts.CompileSuccessfully(EveryBodyShape, "Shapes"));
        var strategy = script.CreateStrategy();

        ScriptBudget.Begin(TimeSpan.FromSeconds(5));
        try
        {
            var signal = strategy.OnBar(TestScripts.BarClosingAt(1, 0));

            Assert.Equal(SignalDirection.Long, signal.Direction);
            Assert.Equal(0.5, signal.Confidence);
        }
        finally
        {
            ScriptBudget.End();
        }
    }

    [Fact]
    public void Compile_ScriptWithExpressionBodies_DiagnosticsUseTheOriginalColumns()
    {
        // The error follows expression bodies the instrumentation would rewrite; its column must be the one the user sees.
        var source = EveryBodyShape.Replace("var kind = bar.Close", "var kind = bar.Closed", StringComparison.Ordinal);
        var line = source.Split('\n').Select((text, index) => (text, index)).First(entry => entry.text.Contains("bar.Closed", StringComparison.Ordinal));

        var error = Assert.Single(TestScripts.Compile(source, "Shapes").Errors);

        Assert.Equal("CS1061", error.Id);
        Assert.Equal(line.index + 1, error.Line);
        Assert.Equal(line.text.IndexOf("Closed", StringComparison.Ordinal) + 1, error.Column);
    }
}
