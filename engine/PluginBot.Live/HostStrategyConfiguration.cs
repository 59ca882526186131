namespace PluginBot.Live;

/// <summary>One strategy the host runs: what decides (a composition or a script), on which replayed bars, how fast.</summary>
public sealed record HostStrategyConfiguration
{
    /// <summary>The strategy's name: the key of its persisted state, its API path and its client-order-id prefix.</summary>
    public required string Name { get; init; }

    /// <summary>A composition JSON file, or null when <see cref="ScriptPath"/> is set.</summary>
    public string? CompositionPath { get; init; }

    /// <summary>A C# script strategy (recompiled on save), or null when <see cref="CompositionPath"/> is set.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>The recorded bars the replay feed plays (the live feed until an exchange adapter provides one).</summary>
    public required IReadOnlyList<string> DataFiles { get; init; }

    /// <summary>Replay speed: 60 plays a one-minute bar per second; 0 plays as fast as possible.</summary>
    public double Speed { get; init; } = 60;

    /// <summary>Starting cash of a fresh run (a resumed run restores its own).</summary>
    public decimal Cash { get; init; } = 10_000m;

    /// <summary>Maker and taker fee of the paper exchange in basis points.</summary>
    public decimal FeeBasisPoints { get; init; } = 10m;

    /// <summary>Slippage of the paper exchange's market fills in basis points.</summary>
    public decimal SlippageBasisPoints { get; init; }
}
