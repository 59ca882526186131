using PluginBot.Sdk.Portfolio;

namespace PluginBot.Engine.Hosting;

/// <summary>
/// What plugins get instead of the engine's portfolio: a separate object, so a plugin cannot cast its view
/// back to the engine's mutable portfolio and book fills of its own.
/// </summary>
internal sealed class ReadOnlyPortfolioView(IPortfolioView inner) : IPortfolioView
{
    public decimal Cash => inner.Cash;

    public decimal Equity => inner.Equity;

    public decimal DailyProfitLoss => inner.DailyProfitLoss;

    public decimal EquityAtDayStart => inner.EquityAtDayStart;

    public decimal FeesPaid => inner.FeesPaid;

    public decimal RealizedProfitLoss => inner.RealizedProfitLoss;

    public decimal GrossExposure => inner.GrossExposure;

    public IReadOnlyList<PositionView> OpenPositions => inner.OpenPositions;

    public PositionView GetPosition(string symbol) => inner.GetPosition(symbol);
}
