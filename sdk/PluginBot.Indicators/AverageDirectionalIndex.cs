namespace PluginBot.Indicators;

/// <summary>
/// Wilder's average directional index: trend strength in [0, 100] regardless of direction (<see cref="Value"/>),
/// with the directional indicators +DI and −DI that say which side dominates. O(1) per bar.
/// </summary>
/// <remarks>
/// From bar 2 on, each bar yields a true range and directional movements (+DM = up-move when it exceeds the
/// down-move and is positive, −DM symmetrically). Their Wilder averages over n give +DI = 100·+DM/TR and
/// −DI = 100·−DM/TR from bar n + 1; DX = 100·|+DI − −DI|/(+DI + −DI); ADX is the Wilder average of DX, so it
/// (and <see cref="IsReady"/>) arrives at bar 2n. Averages instead of Wilder's running sums give identical ratios.
/// </remarks>
public sealed class AverageDirectionalIndex : IBarIndicator
{
    private readonly WilderMovingAverage averageTrueRange;
    private readonly WilderMovingAverage averagePlusMovement;
    private readonly WilderMovingAverage averageMinusMovement;
    private readonly WilderMovingAverage averageDirectionalMovement;
    private BarSample previous;

    /// <summary>Creates the index over <paramref name="period"/> bars.</summary>
    public AverageDirectionalIndex(int period = 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        averageTrueRange = new WilderMovingAverage(period);
        averagePlusMovement = new WilderMovingAverage(period);
        averageMinusMovement = new WilderMovingAverage(period);
        averageDirectionalMovement = new WilderMovingAverage(period);
    }

    /// <summary>The smoothing period n.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public bool IsReady => averageDirectionalMovement.IsReady;

    /// <inheritdoc />
    public int WarmUpPeriod => 2 * Period;

    /// <inheritdoc />
    public int Samples { get; private set; }

    /// <summary>ADX (0 until ready).</summary>
    public double Value => averageDirectionalMovement.Value;

    /// <summary>True from bar n + 1, when +DI, −DI and DX exist (ADX needs n − 1 more bars).</summary>
    public bool AreDirectionalIndicatorsReady => averageTrueRange.IsReady;

    /// <summary>+DI: the share of the average true range made of upward movement, in percent.</summary>
    public double PlusDirectionalIndicator { get; private set; }

    /// <summary>−DI: the share of the average true range made of downward movement, in percent.</summary>
    public double MinusDirectionalIndicator { get; private set; }

    /// <summary>The latest directional movement index DX, the un-smoothed input of ADX.</summary>
    public double DirectionalMovementIndex { get; private set; }

    /// <inheritdoc />
    public void Update(in BarSample bar)
    {
        Samples++;
        if (Samples > 1)
        {
            var trueRange = Math.Max(
                bar.High - bar.Low,
                Math.Max(Math.Abs(bar.High - previous.Close), Math.Abs(bar.Low - previous.Close)));
            var upMove = bar.High - previous.High;
            var downMove = previous.Low - bar.Low;
            averageTrueRange.Update(trueRange);
            averagePlusMovement.Update(upMove > downMove && upMove > 0 ? upMove : 0);
            averageMinusMovement.Update(downMove > upMove && downMove > 0 ? downMove : 0);
            if (averageTrueRange.IsReady)
            {
                UpdateDirectionalIndicators();
            }
        }

        previous = bar;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Samples = 0;
        previous = default;
        averageTrueRange.Reset();
        averagePlusMovement.Reset();
        averageMinusMovement.Reset();
        averageDirectionalMovement.Reset();
        PlusDirectionalIndicator = 0;
        MinusDirectionalIndicator = 0;
        DirectionalMovementIndex = 0;
    }

    private void UpdateDirectionalIndicators()
    {
        var range = averageTrueRange.Value;
        PlusDirectionalIndicator = range == 0 ? 0 : 100 * averagePlusMovement.Value / range;
        MinusDirectionalIndicator = range == 0 ? 0 : 100 * averageMinusMovement.Value / range;
        var sum = PlusDirectionalIndicator + MinusDirectionalIndicator;
        DirectionalMovementIndex = sum == 0 ? 0 : 100 * Math.Abs(PlusDirectionalIndicator - MinusDirectionalIndicator) / sum;
        averageDirectionalMovement.Update(DirectionalMovementIndex);
    }
}
