using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// Plays a generated script of expert outputs, one entry per bar of any symbol, cycling; and records the account at
/// each decision into <paramref name="points"/> (see <see cref="DecisionPoint"/>).
/// </summary>
internal sealed class ScriptedStrategy(ScriptedSignal[] script, List<DecisionPoint> points) : IStrategy
{
    private IPluginContext? context;

    public void Initialize(IPluginContext context) => this.context = context;

    public Signal OnBar(in Bar bar)
    {
        var portfolio = context!.Portfolio;
        var position = portfolio.GetPosition(bar.Symbol);
        points.Add(new DecisionPoint(points.Count, bar.EndTime, bar.Symbol, bar.Close, portfolio.Equity, portfolio.Cash, portfolio.GrossExposure,
            position.Quantity, position.MarketValue, portfolio.EquityAtDayStart, portfolio.DailyProfitLoss));
        return script[(points.Count - 1) % script.Length].ToSignal();
    }
}
