using System.Globalization;

namespace PluginBot.Persistence;

/// <summary>
/// The last snapshot of a position disagrees with the fills that were stored before it. Reported, never fixed: either
/// the engine booked something it did not store or the store is missing a fill, and an operator has to decide which.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="SnapshotQuantity">The quantity the snapshot says.</param>
/// <param name="RecomputedQuantity">The quantity the fills up to the snapshot add up to.</param>
/// <param name="SnapshotTime">When the snapshot was taken.</param>
public sealed record PositionMismatch(string Symbol, decimal SnapshotQuantity, decimal RecomputedQuantity, DateTime SnapshotTime)
{
    /// <summary>A sentence for logs and the operator.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"{Symbol}: the snapshot of {SnapshotTime:O} says {SnapshotQuantity} but the fills stored before it add up to {RecomputedQuantity}");
}
