using PluginBot.Engine.Composition;
using PluginBot.Engine.Exits;
using PluginBot.Engine.Tests.Infrastructure;

namespace PluginBot.Engine.Tests.Exits;

/// <summary>The composition's <c>exits</c> section: every key read, every mistake reported with the file and JSON path.</summary>
public sealed class ExitPolicyReaderTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Load_FullExitsSection_ReadsEveryKey()
    {
        var composition = StrategyCompositionLoader.Load(Write("""
            {
              "stopLoss": { "averageTrueRange": { "multiple": 2.5, "period": 14 } },
              "takeProfit": { "gain": 0.12 },
              "trailingStop": { "activationGain": 0.03, "fraction": 0.015 },
              "partialExits": [ { "gain": 0.03, "fraction": 0.25 }, { "gain": 0.06, "fraction": 0.25 }, { "gain": 0.10, "fraction": 0.5 } ],
              "scaleIn": { "gains": [0.02, 0.04], "fractionOfInitial": 0.5, "maximumCount": 2 },
              "maximumHoldingPeriod": "3.00:00:00",
              "weekendFlat": { "day": "Friday", "time": "21:00" }
            }
            """));

        var exits = composition.Exits;
        Assert.Equal((null, 2.5m, 14), (exits.StopLoss!.Fraction, exits.StopLoss.AverageTrueRangeMultiple, exits.StopLoss.AverageTrueRangePeriod));
        Assert.Equal(0.12m, exits.TakeProfit);
        Assert.Equal((0.03m, 0.015m), (exits.TrailingStop!.ActivationGain, exits.TrailingStop.Distance.Fraction!.Value));
        Assert.Equal([new ProfitTarget(0.03m, 0.25m), new ProfitTarget(0.06m, 0.25m), new ProfitTarget(0.10m, 0.5m)], exits.PartialExits);
        Assert.Equal([0.02m, 0.04m], exits.ScaleIn!.Gains);
        Assert.Equal((0.5m, 2), (exits.ScaleIn.FractionOfInitial, exits.ScaleIn.MaximumCount));
        Assert.Equal(TimeSpan.FromDays(3), exits.MaximumHoldingPeriod);
        Assert.Equal(new WeekendFlatPolicy(DayOfWeek.Friday, TimeSpan.FromHours(21), DayOfWeek.Monday, TimeSpan.Zero), exits.WeekendFlat);
    }

    [Fact]
    public void Load_NoExitsSection_ManagesNothing() =>
        Assert.True(StrategyCompositionLoader.Load(Write(null)).Exits.IsEmpty);

    [Theory]
    [InlineData("""{ "stopLos": { "fraction": 0.02 } }""", "$.exits.stopLos", "unknown key")]
    [InlineData("""{ "stopLoss": { "fraction": 1.5 } }""", "$.exits.stopLoss.fraction", "below 1")]
    [InlineData("""{ "stopLoss": { "fraction": 0.02, "averageTrueRange": { "multiple": 2, "period": 14 } } }""", "$.exits.stopLoss", "exactly one")]
    [InlineData("""{ "stopLoss": { "averageTrueRange": { "multiple": 2, "period": 1.5 } } }""", "$.exits.stopLoss.averageTrueRange.period", "whole number")]
    [InlineData("""{ "partialExits": [ { "gain": 0.03, "fraction": 0.6 }, { "gain": 0.06, "fraction": 0.6 } ] }""", "$.exits.partialExits[1].fraction", "at most 1")]
    [InlineData("""{ "partialExits": [ { "gain": 0.06, "fraction": 0.2 }, { "gain": 0.03, "fraction": 0.2 } ] }""", "$.exits.partialExits[1].gain", "ascending")]
    [InlineData("""{ "partialExits": [ { "gain": 0.06, "fraction": 0.2 } ], "takeProfit": { "gain": 0.05 } }""", "$.exits.takeProfit.gain", "above the highest partial exit")]
    [InlineData("""{ "scaleIn": { "gains": [0.02], "fractionOfInitial": 0.5, "maximumCount": 2 } }""", "$.exits.scaleIn.maximumCount", "only 1")]
    [InlineData("""{ "maximumHoldingPeriod": "three days" }""", "$.exits.maximumHoldingPeriod", "positive duration")]
    [InlineData("""{ "weekendFlat": { "day": "Freitag", "time": "21:00" } }""", "$.exits.weekendFlat.day", "weekday")]
    [InlineData("""{ "weekendFlat": { "day": "Friday", "time": "9pm" } }""", "$.exits.weekendFlat.time", "HH:mm")]
    [InlineData("""[]""", "$.exits", "expected an object")]
    public void Load_BadExitsSection_NamesTheFileAndJsonPath(string exits, string jsonPath, string problem)
    {
        var path = Write(exits);
        var error = Assert.Throws<CompositionException>(() => StrategyCompositionLoader.Load(path));
        Assert.Equal((path, jsonPath), (error.FilePath, error.JsonPath));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    private string Write(string? exits) => directory.Write("exits.json", $$"""
        {
          "name": "exits-test",
          "strategy": { "plugin": "ema-cross" },
          "sizer": { "plugin": "fixed-fraction" }{{(exits is null ? string.Empty : $",\n  \"exits\": {exits}")}}
        }
        """);
}
