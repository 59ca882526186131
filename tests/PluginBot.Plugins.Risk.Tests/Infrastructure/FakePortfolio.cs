using PluginBot.Sdk.Portfolio;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>
/// A hand-set portfolio view for unit tests: equity, day-start equity and positions are whatever the test says, so
/// each case's numbers can be computed by hand. Gross exposure and daily P&amp;L follow from them as in the engine.
/// </summary>
internal sealed class FakePortfolio : IPortfolioView
{
    private readonly List<PositionView> positions = [];

    public decimal Cash { get; set; }

    public decimal Equity { get; set; } = 10_000m;

    public decimal DailyProfitLoss => Equity - EquityAtDayStart;

    public decimal EquityAtDayStart { get; set; } = 10_000m;

    public decimal FeesPaid { get; set; }

    public decimal RealizedProfitLoss { get; set; }

    public decimal GrossExposure => positions.Sum(position => Math.Abs(position.MarketValue));

    public IReadOnlyList<PositionView> OpenPositions => positions.Where(position => !position.IsFlat).ToList();

    public PositionView GetPosition(string symbol) =>
        positions.FirstOrDefault(position => position.Symbol == symbol) is { Symbol: not null } found ? found : new PositionView(symbol, 0, 0, 0, 0);

    /// <summary>Sets the position in <paramref name="symbol"/>, marked at <paramref name="price"/>.</summary>
    public FakePortfolio WithPosition(string symbol, decimal quantity, decimal price)
    {
        positions.RemoveAll(position => position.Symbol == symbol);
        positions.Add(new PositionView(symbol, quantity, price, price, 0m));
        return this;
    }
}
