using PluginBot.Indicators;

namespace PluginBot.Plugins.RegimeRules;

/// <summary>
/// Ranks each new value against the previous n values: the fraction of them below it, ties counting half, in
/// [0, 1]. O(n) per value — a plain scan of n doubles, cheaper in practice than an order-statistics tree for the
/// history lengths regimes use (tens to hundreds of bars) — and allocation-free.
/// </summary>
internal sealed class VolatilityPercentile(int history)
{
    private readonly RollingWindow<double> earlier = new(history);

    /// <summary>True once a full history exists to rank against.</summary>
    public bool IsReady => earlier.IsFull;

    /// <summary>Ranks <paramref name="value"/> against the history (0.5 while the history is empty), then adds it.</summary>
    public double RankThenAdd(double value)
    {
        var below = 0;
        var equal = 0;
        for (var ago = 0; ago < earlier.Count; ago++)
        {
            var other = earlier[ago];
            if (other < value)
            {
                below++;
            }
            else if (other == value)
            {
                equal++;
            }
        }

        var rank = earlier.Count == 0 ? 0.5 : (below + (0.5 * equal)) / earlier.Count;
        earlier.Add(value);
        return rank;
    }
}
