namespace PluginBot.Binance;

/// <summary>A futures ACCOUNT_UPDATE (or spot outboundAccountPosition): balances and positions after a change.</summary>
/// <param name="Balances">Changed balances (wallet balance as free).</param>
/// <param name="Positions">Changed positions.</param>
/// <param name="EventTime">When.</param>
public sealed record BinanceAccountEvent(IReadOnlyList<BinanceBalance> Balances, IReadOnlyList<BinancePosition> Positions, DateTime EventTime);
