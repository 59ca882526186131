namespace PluginBot.Engine.Exits;

/// <summary>
/// A stop that follows the best price since entry once the position has gained <see cref="ActivationGain"/>, at
/// <see cref="Distance"/> behind that best price. It only ever tightens: a pull-back never loosens a stop that a
/// rally earned.
/// </summary>
/// <param name="ActivationGain">The gain over the average entry price (0.02 is 2 %) the best price must reach first; 0 trails from entry.</param>
/// <param name="Distance">How far behind the best price the stop trails.</param>
public sealed record TrailingStopPolicy(decimal ActivationGain, PriceDistance Distance);
