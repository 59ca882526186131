namespace PluginBot.Sdk.Plugins;

/// <summary>A sizer's answer: the absolute target quantity, and why it is zero when it is.</summary>
public readonly record struct SizingResult
{
    private SizingResult(decimal quantity, string? reason)
    {
        Quantity = quantity;
        Reason = reason;
    }

    /// <summary>The absolute target quantity in base units; zero means "do not enter".</summary>
    public decimal Quantity { get; }

    /// <summary>Why the quantity is zero (recorded in the decision record); null otherwise.</summary>
    public string? Reason { get; }

    /// <summary>A positive target quantity.</summary>
    public static SizingResult Of(decimal quantity) =>
        quantity > 0 ? new(quantity, null) : throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Use SizingResult.None for no size.");

    /// <summary>No position, with the reason.</summary>
    public static SizingResult None(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(0m, reason);
    }
}
