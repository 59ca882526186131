namespace PluginBot.Indicators;

/// <summary>
/// The stochastic oscillator: where the close sits in the high–low range of the last n bars, in [0, 100].
/// <see cref="FastK"/> is that raw position, <see cref="K"/> its simple mean over the K-smoothing period (the
/// "slow %K", and <see cref="Value"/>), and <see cref="D"/> the simple mean of K over the D period.
/// Amortised O(1) per bar (monotonic deques for the rolling high and low).
/// </summary>
/// <remarks>
/// Each stage is fed only once the previous one is ready, so FastK appears at bar n, K at bar n + k − 1 and D (and
/// <see cref="IsReady"/>) at bar n + k + d − 2; no stage ever averages half-formed values. When the range is flat
/// the fast value is 0, as in Lean, and it still enters the K average so the stages stay aligned in time.
/// </remarks>
public sealed class Stochastic : IBarIndicator
{
    private readonly RollingExtremum highest;
    private readonly RollingExtremum lowest;
    private readonly SimpleMovingAverage slowK;
    private readonly SimpleMovingAverage slowD;

    /// <summary>Creates the oscillator over <paramref name="period"/> bars with the given smoothing periods.</summary>
    public Stochastic(int period = 14, int kPeriod = 3, int dPeriod = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        highest = new RollingExtremum(period, tracksMaximum: true);
        lowest = new RollingExtremum(period, tracksMaximum: false);
        slowK = new SimpleMovingAverage(kPeriod);
        slowD = new SimpleMovingAverage(dPeriod);
    }

    /// <summary>The look-back of the high–low range.</summary>
    public int Period { get; }

    /// <summary>The smoothing period turning FastK into K.</summary>
    public int KPeriod => slowK.Period;

    /// <summary>The smoothing period turning K into D.</summary>
    public int DPeriod => slowD.Period;

    /// <inheritdoc />
    public bool IsReady => slowD.IsReady;

    /// <inheritdoc />
    public int WarmUpPeriod => Period + KPeriod + DPeriod - 2;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <summary>The slow %K (<see cref="K"/>).</summary>
    public double Value => K;

    /// <summary>Raw %K: 100·(close − lowest low)/(highest high − lowest low); available from bar <see cref="Period"/>.</summary>
    public double FastK { get; private set; }

    /// <summary>Slow %K, the mean of FastK; available from bar Period + KPeriod − 1.</summary>
    public double K => slowK.Value;

    /// <summary>%D, the mean of K; available once <see cref="IsReady"/>.</summary>
    public double D => slowD.Value;

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        Samples++;
        highest.Add(bar.High);
        lowest.Add(bar.Low);
        if (!highest.IsFull)
        {
            return;
        }

        var range = highest.Value - lowest.Value;
        FastK = range == 0 ? 0 : 100 * (bar.Close - lowest.Value) / range;
        slowK.Update(FastK);
        if (slowK.IsReady)
        {
            slowD.Update(slowK.Value);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        highest.Clear();
        lowest.Clear();
        slowK.Reset();
        slowD.Reset();
        FastK = 0;
    }
}
