namespace PluginBot.Engine.Composition;

/// <summary>Backtest defaults a composition may carry; command-line options override each of them.</summary>
public sealed record BacktestDefaults
{
    /// <summary>Data files, resolved against the composition file's folder.</summary>
    public IReadOnlyList<string> DataFiles { get; init; } = [];

    /// <summary>Starting cash.</summary>
    public decimal? Cash { get; init; }

    /// <summary>Fee in basis points (maker and taker).</summary>
    public decimal? FeeBasisPoints { get; init; }

    /// <summary>Fixed slippage in basis points.</summary>
    public decimal? SlippageBasisPoints { get; init; }

    /// <summary>Bar interval to resample to, for example "5m".</summary>
    public string? Interval { get; init; }
}
