using System.Globalization;

namespace PluginBot.Sdk.Plugins;

/// <summary>A risk layer's answer, with the reason that goes into the decision record.</summary>
public readonly record struct RiskAssessment
{
    private RiskAssessment(RiskVerdict verdict, decimal scale, string? reason)
    {
        Verdict = verdict;
        Scale = scale;
        Reason = reason;
    }

    /// <summary>Approve, scale or veto.</summary>
    public RiskVerdict Verdict { get; }

    /// <summary>The factor applied to the quantity: 1 when approved, 0 when vetoed.</summary>
    public decimal Scale { get; }

    /// <summary>Why the order was scaled or vetoed.</summary>
    public string? Reason { get; }

    /// <summary>Let the intent through unchanged.</summary>
    public static RiskAssessment Approve() => new(RiskVerdict.Approve, 1m, null);

    /// <summary>Let the intent through with its quantity scaled by <paramref name="scale"/> (between 0 and 1).</summary>
    public static RiskAssessment ScaleBy(decimal scale, string reason)
    {
        if (scale is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "A risk scale must be between 0 and 1.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(RiskVerdict.Scale, scale, reason);
    }

    /// <summary>
    /// The answer of a cap: let through as much of the <paramref name="requested"/> value as fits in
    /// <paramref name="room"/>. The scale is rounded down to 4 decimal places, so the scaled order never overshoots;
    /// no room at all is a veto; enough room approves. <paramref name="description"/> says which limit and why, and
    /// the room, request and scale are appended to it.
    /// </summary>
    public static RiskAssessment ScaleToFit(decimal room, decimal requested, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (requested <= 0 || room >= requested)
        {
            return Approve();
        }

        var scale = room <= 0 ? 0m : Math.Floor(room / requested * 10_000m) / 10_000m;
        return scale <= 0
            ? Veto(string.Create(CultureInfo.InvariantCulture, $"{description}; no room left ({room:0.00})"))
            : ScaleBy(scale, string.Create(CultureInfo.InvariantCulture, $"{description}; room {room:0.00} of the requested {requested:0.00}, scaled by {scale:0.0000}"));
    }

    /// <summary>Stop the intent, saying why.</summary>
    public static RiskAssessment Veto(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(RiskVerdict.Veto, 0m, reason);
    }
}
