namespace PluginBot.Plugins.Risk.Drawdown;

/// <summary>
/// One step of the drawdown ladder: once equity is <paramref name="Drawdown"/> below its peak, new risk is taken at
/// <paramref name="Scale"/> of its normal size, so a losing strategy bets less while it is losing.
/// </summary>
/// <param name="Drawdown">The drawdown from peak equity at which the step starts, as a fraction (0.05 = 5 %).</param>
/// <param name="Scale">The factor applied to new risk from this drawdown on (0.8 = 80 % of normal).</param>
public readonly record struct DrawdownLevel(decimal Drawdown, decimal Scale);
