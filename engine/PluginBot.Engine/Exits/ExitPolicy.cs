namespace PluginBot.Engine.Exits;

/// <summary>
/// How the engine manages a position once it is open, whatever the strategy decides: protective stops resting at
/// the exchange, take-profit and partial-exit limits, scale-ins into winners and time exits. Read from a
/// composition's <c>exits</c> section; the default manages nothing.
/// </summary>
public sealed record ExitPolicy
{
    /// <summary>The policy that manages nothing (the engine then sends only the strategy's orders).</summary>
    public static ExitPolicy None { get; } = new();

    /// <summary>The initial stop's distance from the average entry price; null for no stop.</summary>
    public PriceDistance? StopLoss { get; init; }

    /// <summary>Take profit: the gain (0.05 is 5 %) at which whatever remains of the position is closed; null for none.</summary>
    public decimal? TakeProfit { get; init; }

    /// <summary>The trailing stop; null for none.</summary>
    public TrailingStopPolicy? TrailingStop { get; init; }

    /// <summary>Partial exits, ascending by gain.</summary>
    public IReadOnlyList<ProfitTarget> PartialExits { get; init; } = [];

    /// <summary>Adds to winners; null for none.</summary>
    public ScaleInPolicy? ScaleIn { get; init; }

    /// <summary>The longest a position may be held, from its first fill; null for no limit.</summary>
    public TimeSpan? MaximumHoldingPeriod { get; init; }

    /// <summary>Flat over the weekend; null to hold through it.</summary>
    public WeekendFlatPolicy? WeekendFlat { get; init; }

    /// <summary>True when the policy asks for nothing, so the engine can skip exit management entirely.</summary>
    public bool IsEmpty =>
        StopLoss is null && TakeProfit is null && TrailingStop is null && PartialExits.Count == 0 && ScaleIn is null
        && MaximumHoldingPeriod is null && WeekendFlat is null;

    /// <summary>True when the partial exits together take the whole entered quantity, so the last one closes the position.</summary>
    public bool PartialExitsCloseThePosition => PartialExits.Sum(target => target.Fraction) >= 1m;
}
