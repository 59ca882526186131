namespace PluginBot.Sdk.Signals;

/// <summary>
/// A decision: which position to hold, how sure the decider is, and for how long the view holds.
/// Confidence scales position size downstream, so 0 means "do not act on this".
/// </summary>
public readonly record struct Signal
{
    /// <summary>Creates a signal.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Confidence is outside [0, 1] or NaN, or the horizon is negative.</exception>
    public Signal(SignalDirection direction, double confidence, TimeSpan horizon)
    {
        if (!(confidence >= 0 && confidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be between 0 and 1.");
        }

        if (horizon < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "Horizon must not be negative.");
        }

        Direction = direction;
        Confidence = confidence;
        Horizon = horizon;
    }

    /// <summary>The position asked for.</summary>
    public SignalDirection Direction { get; }

    /// <summary>How sure the decider is, 0 to 1.</summary>
    public double Confidence { get; }

    /// <summary>How long the view is expected to hold.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>No opinion (the default value).</summary>
    public static Signal Hold => default;

    /// <summary>Ask to be long.</summary>
    public static Signal Long(double confidence = 1, TimeSpan horizon = default) => new(SignalDirection.Long, confidence, horizon);

    /// <summary>Ask to be short.</summary>
    public static Signal Short(double confidence = 1, TimeSpan horizon = default) => new(SignalDirection.Short, confidence, horizon);

    /// <summary>Ask to be flat.</summary>
    public static Signal Flat(double confidence = 1, TimeSpan horizon = default) => new(SignalDirection.Flat, confidence, horizon);
}
