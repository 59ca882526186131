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

    /// <summary>Stop the intent, saying why.</summary>
    public static RiskAssessment Veto(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(RiskVerdict.Veto, 0m, reason);
    }
}
