using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Engine.Accounting;

/// <summary>
/// Cash, positions and P&amp;L of one account, owned by the engine. Cash moves with every fill (cost or proceeds
/// plus fees), so equity = cash + market value of positions holds for longs and shorts alike.
/// Daily P&amp;L restarts at 00:00 UTC.
/// </summary>
public sealed class Portfolio : IPortfolioView
{
    private readonly Dictionary<string, Position> positions = new(StringComparer.Ordinal);
    private readonly List<Position> positionList = [];
    private readonly Func<string, decimal> contractMultiplier;
    private DateTime currentDay;
    private string? lastSymbol;
    private Position? lastPosition;

    /// <summary>Creates an account holding <paramref name="initialCash"/>.</summary>
    /// <param name="initialCash">Starting cash in the account currency.</param>
    /// <param name="contractMultiplier">The contract multiplier of a symbol (1 for spot).</param>
    public Portfolio(decimal initialCash, Func<string, decimal>? contractMultiplier = null)
    {
        if (initialCash <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(initialCash), initialCash, "Initial cash must be positive.");
        }

        InitialCash = initialCash;
        Cash = initialCash;
        EquityAtDayStart = initialCash;
        this.contractMultiplier = contractMultiplier ?? (_ => 1m);
    }

    /// <summary>Cash at the start.</summary>
    public decimal InitialCash { get; }

    /// <inheritdoc />
    public decimal Cash { get; private set; }

    /// <inheritdoc />
    public decimal Equity
    {
        get
        {
            var equity = Cash;
            for (var index = 0; index < positionList.Count; index++)
            {
                equity += positionList[index].MarketValue;
            }

            return equity;
        }
    }

    /// <inheritdoc />
    public decimal EquityAtDayStart { get; private set; }

    /// <inheritdoc />
    public decimal DailyProfitLoss => Equity - EquityAtDayStart;

    /// <inheritdoc />
    public decimal FeesPaid { get; private set; }

    /// <inheritdoc />
    public decimal RealizedProfitLoss { get; private set; }

    /// <inheritdoc />
    public decimal GrossExposure
    {
        get
        {
            var gross = 0m;
            for (var index = 0; index < positionList.Count; index++)
            {
                gross += Math.Abs(positionList[index].MarketValue);
            }

            return gross;
        }
    }

    /// <summary>Every position ever opened, in the order first traded or marked.</summary>
    public IReadOnlyList<Position> Positions => positionList;

    /// <inheritdoc />
    public IReadOnlyList<PositionView> OpenPositions
    {
        get
        {
            var open = new List<PositionView>();
            foreach (var position in positionList)
            {
                if (position.Quantity != 0)
                {
                    open.Add(position.ToView());
                }
            }

            return open;
        }
    }

    /// <inheritdoc />
    public PositionView GetPosition(string symbol) =>
        positions.TryGetValue(symbol, out var position) ? position.ToView() : new PositionView(symbol, 0, 0, 0, 0);

    /// <summary>The engine's position object for <paramref name="symbol"/>, created flat on first use.</summary>
    internal Position PositionFor(string symbol)
    {
        // Bars of one feed share their symbol string, so a reference check skips the hash lookup on most bars.
        if (ReferenceEquals(symbol, lastSymbol))
        {
            return lastPosition!;
        }

        if (!positions.TryGetValue(symbol, out var position))
        {
            position = new Position(symbol, contractMultiplier(symbol));
            positions.Add(symbol, position);
            positionList.Add(position);
        }

        lastSymbol = symbol;
        lastPosition = position;
        return position;
    }

    /// <summary>
    /// Tells the portfolio the time of the next event. When it falls on a later UTC day than the last event,
    /// daily P&amp;L restarts from the current equity. An event at exactly 00:00 (a bar closing at midnight)
    /// still belongs to the day that is ending.
    /// </summary>
    internal void AdvanceTo(DateTime time)
    {
        var day = time.AddTicks(-1).Date;
        if (currentDay == default)
        {
            currentDay = day;
            return;
        }

        if (day > currentDay)
        {
            currentDay = day;
            EquityAtDayStart = Equity;
        }
    }

    /// <summary>Marks a symbol's position at a new price.</summary>
    internal void Mark(string symbol, decimal price) => PositionFor(symbol).MarketPrice = price;

    /// <summary>Books a fill: position, average price, realised P&amp;L, cash and fees. Returns the realised P&amp;L.</summary>
    internal decimal Apply(Fill fill)
    {
        var position = PositionFor(fill.Symbol);
        var signed = fill.SignedQuantity;
        var realized = position.Apply(signed, fill.Price);
        Cash -= (signed * fill.Price * position.ContractMultiplier) + fill.Fee;
        FeesPaid += fill.Fee;
        RealizedProfitLoss += realized;
        return realized;
    }
}
