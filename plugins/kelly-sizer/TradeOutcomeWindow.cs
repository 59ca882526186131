namespace PluginBot.Plugins.KellySizer;

/// <summary>
/// The profit or loss of the last closed trades, oldest dropped first, from which the Kelly sizer estimates its
/// win rate and payoff ratio. A rolling window rather than the whole history, so the estimate follows a strategy
/// whose edge changes instead of averaging it away.
/// </summary>
internal sealed class TradeOutcomeWindow
{
    private readonly Queue<decimal> outcomes;
    private readonly int capacity;

    public TradeOutcomeWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
        outcomes = new Queue<decimal>(capacity);
    }

    public int Count => outcomes.Count;

    public void Add(decimal profitLoss)
    {
        if (outcomes.Count == capacity)
        {
            outcomes.Dequeue();
        }

        outcomes.Enqueue(profitLoss);
    }

    /// <summary>Wins and losses in the window with their sums; break-even trades are never added, so every entry is one or the other.</summary>
    public (int Wins, decimal WinSum, int Losses, decimal LossSum) Tally()
    {
        var wins = 0;
        var losses = 0;
        var winSum = 0m;
        var lossSum = 0m;
        foreach (var outcome in outcomes)
        {
            if (outcome > 0)
            {
                wins++;
                winSum += outcome;
            }
            else
            {
                losses++;
                lossSum -= outcome;
            }
        }

        return (wins, winSum, losses, lossSum);
    }
}
