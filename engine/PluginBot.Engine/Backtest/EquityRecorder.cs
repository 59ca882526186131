using PluginBot.Engine.Accounting;
using PluginBot.Statistics;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// Samples equity once per distinct event time: every sample feeds the running statistics (returns, drawdown,
/// exposure) at no allocation, and the stored curve keeps one point per <see cref="SamplingPeriod"/> (every
/// sample when null), so million-bar runs need not keep a million points.
/// </summary>
public sealed class EquityRecorder
{
    private readonly List<EquityPoint> curve = [];
    private DateTime nextStoredSample;

    /// <summary>Creates a recorder storing a curve point at most once per <paramref name="samplingPeriod"/>.</summary>
    public EquityRecorder(TimeSpan? samplingPeriod = null)
    {
        SamplingPeriod = samplingPeriod;
    }

    /// <summary>How often the stored curve keeps a point; null keeps every sample.</summary>
    public TimeSpan? SamplingPeriod { get; }

    /// <summary>Samples before this time are ignored (the warm-up part of a walk-forward fold).</summary>
    public DateTime? StartsAt { get; init; }

    /// <summary>The running statistics over every sample.</summary>
    public EquityStatistics Statistics { get; } = new();

    /// <summary>The stored curve.</summary>
    public IReadOnlyList<EquityPoint> Curve => curve;

    /// <summary>Samples taken.</summary>
    public long Samples { get; private set; }

    /// <summary>Samples at which some position was open.</summary>
    public long ExposedSamples { get; private set; }

    /// <summary>Fraction of samples with a position open.</summary>
    public double Exposure => Samples == 0 ? 0 : (double)ExposedSamples / Samples;

    /// <summary>Samples the portfolio at <paramref name="time"/>.</summary>
    public void Record(DateTime time, Portfolio portfolio)
    {
        if (time < StartsAt)
        {
            return;
        }

        var equity = portfolio.Equity;
        var gross = portfolio.GrossExposure;
        Samples++;
        if (gross != 0)
        {
            ExposedSamples++;
        }

        Statistics.Add(time, equity);
        if (SamplingPeriod is null || time >= nextStoredSample)
        {
            curve.Add(new EquityPoint(time, equity, portfolio.Cash, gross));
            if (SamplingPeriod is { } period)
            {
                nextStoredSample = time + period;
            }
        }
    }
}
