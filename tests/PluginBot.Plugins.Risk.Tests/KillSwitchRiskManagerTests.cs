using PluginBot.Plugins.Risk.KillSwitch;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskContext;

namespace PluginBot.Plugins.Risk.Tests;

public sealed class KillSwitchRiskManagerTests
{
    private static KillSwitchRiskManager Layer(string settings = "{}") => Initialized<KillSwitchRiskManager>(new FakePortfolio(), settings);

    [Fact]
    public void Initialize_NoSettings_StartsReleased()
    {
        var layer = Layer();

        Assert.False(layer.IsEngaged);
        Assert.Null(layer.Reason);
        Assert.Equal(RiskState.Active, layer.State);
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(1m, 100m)).Verdict);
    }

    [Fact]
    public void Engage_AtRunTime_HaltsAndVetoesNewEntriesWithTheOperatorsReason()
    {
        var layer = Layer();

        layer.Engage("operator alice: exchange outage");

        Assert.Equal(RiskState.Halted, layer.State);
        var veto = layer.Assess(Buy(1m, 100m));
        Assert.Equal(RiskVerdict.Veto, veto.Verdict);
        Assert.Equal("the kill switch is engaged (operator alice: exchange outage); only reductions pass", veto.Reason);
    }

    [Fact]
    public void Assess_WhileEngaged_LetsReductionsThroughButNotFlips()
    {
        var layer = Layer();
        layer.Engage("test");

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Sell(1m, 100m, currentPosition: 2m)).Verdict);
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(2m, 100m, currentPosition: -2m)).Verdict);
        Assert.Equal(RiskVerdict.Veto, layer.Assess(Sell(3m, 100m, currentPosition: 2m)).Verdict);
    }

    [Fact]
    public void Release_AfterEngage_LetsNewEntriesThroughAgain()
    {
        var layer = Layer();
        layer.Engage("test");

        layer.Release();

        Assert.Equal(RiskState.Active, layer.State);
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(1m, 100m)).Verdict);
    }

    [Fact]
    public void Initialize_EngagedSetting_StartsHaltedWithTheSettingsReason()
    {
        var layer = Layer("""{ "engaged": true }""");

        Assert.Equal(RiskState.Halted, layer.State);
        Assert.Equal(KillSwitchRiskManager.EngagedBySettingsReason, layer.Reason);
        Assert.Contains("engaged by the setting", layer.Assess(Buy(1m, 100m)).Reason);
    }

    [Fact]
    public void Engage_BlankReason_IsRefusedSoEveryVetoSaysWhy()
    {
        Assert.Throws<ArgumentException>(() => Layer().Engage(" "));
    }

    [Fact]
    public async Task Engage_FromAnotherThread_IsSeenByTheNextAssessment()
    {
        var layer = Layer();

        await Task.Run(() => layer.Engage("from the API thread"));

        Assert.Contains("from the API thread", layer.Assess(Buy(1m, 100m)).Reason);
    }

    [Fact]
    public async Task Assess_WhileAnotherThreadFlipsTheSwitch_AlwaysSeesAWholeState()
    {
        // The operator thread alternates two reasons and releases; every assessment must match one whole state:
        // approved while released, or vetoed with exactly one of the two reasons.
        var layer = Layer();
        var expected = new HashSet<string?>
        {
            null,
            "the kill switch is engaged (first); only reductions pass",
            "the kill switch is engaged (second); only reductions pass",
        };
        using var stop = new CancellationTokenSource();
        var operatorThread = Task.Run(() =>
        {
            for (var flip = 0; !stop.IsCancellationRequested; flip++)
            {
                switch (flip % 3)
                {
                    case 0: layer.Engage("first"); break;
                    case 1: layer.Engage("second"); break;
                    default: layer.Release(); break;
                }
            }
        });

        var seen = new HashSet<string?>();
        for (var index = 0; index < 20_000; index++)
        {
            var assessment = layer.Assess(Buy(1m, 100m));
            Assert.Equal(assessment.Reason is null, assessment.Verdict == RiskVerdict.Approve);
            seen.Add(assessment.Reason);
        }

        await stop.CancelAsync();
        await operatorThread;
        Assert.Subset(expected, seen);
    }

    [Theory]
    [InlineData("""{ "engaged": "yes" }""", "$.risk[0].settings.engaged", "expected true or false")]
    [InlineData("""{ "enabled": true }""", "$.risk[0].settings.enabled", "unknown setting")]
    public void Initialize_BadSettings_ThrowsNamingTheSettingPath(string settings, string path, string problem)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Layer(settings));

        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message);
    }
}
