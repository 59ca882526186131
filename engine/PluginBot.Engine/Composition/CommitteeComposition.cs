using PluginBot.Sdk.Configuration;

namespace PluginBot.Engine.Composition;

/// <summary>
/// The mixture-of-experts part of a composition: an optional regime detector, the experts with the regimes they
/// serve, and how the committee routes and combines their votes. Replaces the single strategy plugin.
/// </summary>
public sealed record CommitteeComposition
{
    /// <summary>The regime detector; without one every expert is asked on every bar.</summary>
    public PluginReference? Regime { get; init; }

    /// <summary>The experts, in composition order (at least one).</summary>
    public required IReadOnlyList<ExpertReference> Experts { get; init; }

    /// <summary>Routing and ensemble settings (the <c>committee</c> object), checked when the committee is built.</summary>
    public required PluginSettings Settings { get; init; }
}
