namespace PluginBot.Sdk.Portfolio;

/// <summary>
/// What plugins may know of the account. Read-only: positions belong to the engine, so they survive
/// every plugin swap, and no plugin can change them except through decisions.
/// </summary>
public interface IPortfolioView
{
    /// <summary>Cash in the account currency, after fees and the cost or proceeds of every fill.</summary>
    decimal Cash { get; }

    /// <summary>Cash plus the market value of every position.</summary>
    decimal Equity { get; }

    /// <summary>Equity now minus equity at the last 00:00 UTC.</summary>
    decimal DailyProfitLoss { get; }

    /// <summary>Equity at the last 00:00 UTC (or at the start): the base of the daily loss limit.</summary>
    decimal EquityAtDayStart { get; }

    /// <summary>Total fees paid since the start.</summary>
    decimal FeesPaid { get; }

    /// <summary>Profit or loss closed so far over all symbols, before fees.</summary>
    decimal RealizedProfitLoss { get; }

    /// <summary>Sum of the absolute market values of all positions: divided by equity, the gross leverage.</summary>
    decimal GrossExposure { get; }

    /// <summary>Every position that is not flat, in the order first traded.</summary>
    IReadOnlyList<PositionView> OpenPositions { get; }

    /// <summary>The position in <paramref name="symbol"/> (flat when there is none).</summary>
    PositionView GetPosition(string symbol);
}
