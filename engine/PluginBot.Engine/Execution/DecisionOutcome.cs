namespace PluginBot.Engine.Execution;

/// <summary>What became of a decision that asked for a change of position.</summary>
public enum DecisionOutcome
{
    /// <summary>An order was sent.</summary>
    OrderSent = 0,

    /// <summary>A risk layer vetoed it.</summary>
    Vetoed = 1,

    /// <summary>No legal order could be sized (zero size, below the exchange minimums).</summary>
    NotSized = 2,

    /// <summary>An earlier order for the symbol is still working.</summary>
    OrderPending = 3,

    /// <summary>The same decision's last order was rejected and nothing has changed since (direction, position, cash).</summary>
    HeldAfterRejection = 4,

    /// <summary>The exit policy sent an exit order (stop, trailing stop, take profit, partial exit or time exit); the record's exit reason says which.</summary>
    ExitOrderSent = 5,

    /// <summary>The exit policy cancelled the symbol's exit orders: the position went flat or flipped, or the strategy changed it first.</summary>
    ExitOrdersCancelled = 6,

    /// <summary>The exit policy wanted an exit order the instrument's rules would refuse (a quantity or value below the minimums), so none was sent.</summary>
    ExitNotPlaced = 7,

    /// <summary>The exit policy added to a winning position (a scale-in) after sizing checks and every risk layer.</summary>
    ScaleInSent = 8,

    /// <summary>The exit policy blocked a new position (the weekend flat window).</summary>
    BlockedByExitPolicy = 9,
}
