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
}
