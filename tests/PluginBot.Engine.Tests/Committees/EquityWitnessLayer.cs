using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Tests.Committees;

/// <summary>
/// A risk layer that approves everything and notes the account's equity and cash each time it is asked, by decision time:
/// the risk layers run right after the budget check, on the same portfolio, so this is the equity the budgets and the sizer used.
/// </summary>
internal sealed class EquityWitnessLayer : IRiskManager
{
    private IPluginContext? context;

    public string Name => "equity-witness";

    public Dictionary<DateTime, decimal> EquityAt { get; } = [];

    public Dictionary<DateTime, decimal> CashAt { get; } = [];

    public void Initialize(IPluginContext context) => this.context = context;

    public RiskAssessment Assess(in OrderIntent intent)
    {
        EquityAt[context!.Clock.UtcNow] = context.Portfolio.Equity;
        CashAt[context.Clock.UtcNow] = context.Portfolio.Cash;
        return RiskAssessment.Approve();
    }
}
