namespace PluginBot.Server.Contracts;

/// <summary>One strategy instance of the host: its name, whether it runs and which code is in each slot.</summary>
/// <param name="Name">The strategy's name, as used in every URL.</param>
/// <param name="State">Running or paused.</param>
/// <param name="Slots">The version in each slot.</param>
public sealed record StrategySummary(string Name, StrategyRunState State, IReadOnlyList<SlotVersion> Slots);
