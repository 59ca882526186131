namespace PluginBot.Engine.Exits;

/// <summary>
/// One partial-exit level: when the price reaches <see cref="Gain"/> over the average entry price, a resting
/// reduce-only limit order sells (or buys back) <see cref="Fraction"/> of the quantity entered.
/// </summary>
/// <param name="Gain">The gain that triggers the level (0.03 is 3 %).</param>
/// <param name="Fraction">The part of the entered quantity it takes (0.25 is a quarter).</param>
public sealed record ProfitTarget(decimal Gain, decimal Fraction);
