namespace PluginBot.Engine.Exits;

/// <summary>
/// Adds to a winning position: when the close has gained <c>Gains[k]</c> over the first entry price, the engine buys
/// (or sells, for a short) <see cref="FractionOfInitial"/> of the initial quantity, at most
/// <see cref="MaximumCount"/> times per position. Each add is rounded to the lot, checked against the exchange's
/// minimums and the cash available, and passes every risk layer like any entry.
/// </summary>
/// <param name="Gains">The gain of each successive add, ascending.</param>
/// <param name="FractionOfInitial">Size of each add as a fraction of the position's first fill.</param>
/// <param name="MaximumCount">The most adds a position may receive.</param>
public sealed record ScaleInPolicy(IReadOnlyList<decimal> Gains, decimal FractionOfInitial, int MaximumCount);
