namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// The account as the risk layers saw it when a bar was decided on: read by the strategy at the moment it decides,
/// which is after the bar's fills and marks and the layers' Observe, and before sizing and risk assessment, with
/// nothing in between that could change it. With two symbols this differs from the equity curve, which is sampled
/// only after every bar of an instant is handled.
/// </summary>
internal sealed record DecisionPoint(
    int Index,
    DateTime Time,
    string Symbol,
    decimal Close,
    decimal Equity,
    decimal Cash,
    decimal GrossExposure,
    decimal Position,
    decimal SymbolMarketValue,
    decimal EquityAtDayStart,
    decimal DailyProfitLoss);
