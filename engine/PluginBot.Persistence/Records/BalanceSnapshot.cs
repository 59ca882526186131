namespace PluginBot.Persistence;

/// <summary>One asset's balance at a moment, as the engine or the exchange reported it.</summary>
/// <param name="Asset">The asset, for example "USDT".</param>
/// <param name="Total">Everything held, including what open orders lock.</param>
/// <param name="Available">What is free to trade.</param>
/// <param name="Time">UTC time of the snapshot.</param>
public sealed record BalanceSnapshot(string Asset, decimal Total, decimal Available, DateTime Time);
