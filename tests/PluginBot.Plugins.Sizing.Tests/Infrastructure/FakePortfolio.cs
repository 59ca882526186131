using PluginBot.Sdk.Portfolio;

namespace PluginBot.Plugins.Sizing.Tests.Infrastructure;

/// <summary>
/// A portfolio whose cash, equity and positions the test sets directly, so each sizing case states the account it
/// is sized against instead of trading its way there.
/// </summary>
internal sealed class FakePortfolio : IPortfolioView
{
    private readonly Dictionary<string, PositionView> positions = new(StringComparer.Ordinal);

    public FakePortfolio(decimal cash, decimal equity)
    {
        Cash = cash;
        Equity = equity;
    }

    public decimal Cash { get; set; }

    public decimal Equity { get; set; }

    public decimal DailyProfitLoss => 0m;

    public decimal EquityAtDayStart => Equity;

    public decimal FeesPaid => 0m;

    public decimal RealizedProfitLoss => positions.Values.Sum(position => position.RealizedProfitLoss);

    public decimal GrossExposure => positions.Values.Sum(position => Math.Abs(position.MarketValue));

    public IReadOnlyList<PositionView> OpenPositions => positions.Values.Where(position => !position.IsFlat).ToArray();

    public PositionView GetPosition(string symbol) =>
        positions.TryGetValue(symbol, out var position) ? position : new PositionView(symbol, 0m, 0m, 0m, 0m);

    public void SetPosition(PositionView position) => positions[position.Symbol] = position;

    /// <summary>Books a closed trade in <paramref name="symbol"/>: flat afterwards, realised P&amp;L moved by <paramref name="profitLoss"/>.</summary>
    public void CloseTrade(string symbol, decimal profitLoss)
    {
        var realized = GetPosition(symbol).RealizedProfitLoss + profitLoss;
        positions[symbol] = new PositionView(symbol, 0m, 0m, 0m, realized);
    }
}
