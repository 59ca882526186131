using PluginBot.Sdk.Market;

namespace PluginBot.Indicators;

/// <summary>
/// A bar in <see cref="double"/>s. Indicators compute in floating point; converting the SDK's decimal
/// <see cref="Bar"/> once per bar keeps that cost out of every indicator.
/// </summary>
/// <param name="Time">Bar start time (UTC).</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Volume.</param>
public readonly record struct BarSample(DateTime Time, double Open, double High, double Low, double Close, double Volume)
{
    /// <summary>Converts an SDK bar.</summary>
    public static BarSample From(in Bar bar) =>
        new(bar.StartTime, (double)bar.Open, (double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume);
}
