namespace PluginBot.Engine.Feedback;

/// <summary>
/// How much history the execution tracker keeps. Windows rather than whole-run averages, so the figures follow a
/// market (or an exchange connection) whose behaviour changes instead of averaging the change away.
/// </summary>
public sealed record ExecutionTrackerOptions
{
    /// <summary>Fills whose slippage, latency and participation are averaged (default 50).</summary>
    public int FillWindow { get; init; } = 50;

    /// <summary>Closed round trips the hit rate is measured over (default 20).</summary>
    public int RoundTripWindow { get; init; } = 20;

    /// <summary>
    /// Fills with a known bar volume needed before the impact regression is trusted (default 10): a slope fitted
    /// through two or three points says more about noise than about the market.
    /// </summary>
    public int MinimumImpactSamples { get; init; } = 10;

    /// <summary>Throws when a window is not positive, naming it.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FillWindow, 1, nameof(FillWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(RoundTripWindow, 1, nameof(RoundTripWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumImpactSamples, 2, nameof(MinimumImpactSamples));
    }
}
