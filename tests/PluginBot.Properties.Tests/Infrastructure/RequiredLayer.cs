namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>A layer a property's scenarios always contain (the others are included at random).</summary>
internal enum RequiredLayer
{
    None,
    PositionLimit,
    GrossLeverage,
    DailyLoss,
    Drawdown,
    KillSwitchEngaged,
}
