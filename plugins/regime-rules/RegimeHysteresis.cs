using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeRules;

/// <summary>
/// Keeps the reported most likely regime from flapping: another regime replaces it only after leading it by more
/// than a margin on a number of consecutive bars. Experts are switched on the most likely regime, and a switch
/// every bar would churn positions on noise.
/// </summary>
/// <remarks>
/// The first estimate is taken as it is. Later, while the raw leader is not the held regime, the reported estimate
/// exchanges the two regimes' probabilities: the numbers stay the raw ones (they still sum to 1 and the spread is
/// unchanged) but the held regime is on top. A candidate's run of bars restarts when another regime takes the lead
/// and ends when the lead falls to the margin or below. An exact tie between the held regime and the leader is
/// reported as it is, and the SDK breaks such ties by regime order.
/// </remarks>
public sealed class RegimeHysteresis
{
    /// <summary>Creates the filter.</summary>
    /// <param name="switchMargin">How much more probable a challenger must be, 0 to 1.</param>
    /// <param name="confirmationBars">On how many consecutive bars, at least 1 (1 switches on the first such bar).</param>
    public RegimeHysteresis(double switchMargin, int confirmationBars)
    {
        if (!(switchMargin >= 0 && switchMargin <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(switchMargin), switchMargin, "The switch margin must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(confirmationBars, 1);
        SwitchMargin = switchMargin;
        ConfirmationBars = confirmationBars;
    }

    /// <summary>How much more probable a challenger must be.</summary>
    public double SwitchMargin { get; }

    /// <summary>On how many consecutive bars.</summary>
    public int ConfirmationBars { get; }

    /// <summary>The regime reported as most likely (null before the first estimate).</summary>
    public MarketRegime? Current { get; private set; }

    /// <summary>The regime currently building up its run of leading bars, if any.</summary>
    public MarketRegime? Challenger { get; private set; }

    /// <summary>How many consecutive bars <see cref="Challenger"/> has led by more than the margin.</summary>
    public int ChallengerBars { get; private set; }

    /// <summary>Takes the raw estimate of one bar and returns the estimate to report.</summary>
    public RegimeEstimate Filter(in RegimeEstimate raw)
    {
        var leader = raw.MostLikely;
        if (Current is not { } held)
        {
            Current = leader;
            return raw;
        }

        if (leader != held && raw[leader] - raw[held] > SwitchMargin)
        {
            ChallengerBars = Challenger == leader ? ChallengerBars + 1 : 1;
            Challenger = leader;
            if (ChallengerBars >= ConfirmationBars)
            {
                Current = leader;
                Challenger = null;
                ChallengerBars = 0;
                return raw;
            }
        }
        else
        {
            Challenger = null;
            ChallengerBars = 0;
        }

        return leader == held ? raw : Exchange(raw, held, leader);
    }

    /// <summary>Forgets the held regime, as if no estimate had been seen.</summary>
    public void Reset()
    {
        Current = null;
        Challenger = null;
        ChallengerBars = 0;
    }

    private static RegimeEstimate Exchange(in RegimeEstimate estimate, MarketRegime first, MarketRegime second)
    {
        Span<double> weights = stackalloc double[4];
        for (var regime = MarketRegime.HighVolatility; regime <= MarketRegime.Ranging; regime++)
        {
            weights[(int)regime] = estimate[regime];
        }

        (weights[(int)first], weights[(int)second]) = (weights[(int)second], weights[(int)first]);
        return new RegimeEstimate(weights[0], weights[1], weights[2], weights[3]);
    }
}
