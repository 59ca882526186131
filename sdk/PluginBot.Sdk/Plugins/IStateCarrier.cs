namespace PluginBot.Sdk.Plugins;

/// <summary>
/// Opt-in for strategies (plugins or scripts) that carry their own state to the next version when hot-swapped:
/// the old version saves, the new version restores. A version that cannot use the state returns false and starts
/// fresh (warmed up on recent bars instead); the engine records which happened.
/// </summary>
public interface IStateCarrier
{
    /// <summary>Called on the outgoing version, between two events, just before the swap.</summary>
    void SaveState(StrategyState state);

    /// <summary>Called on the incoming version with what the outgoing one saved; false means "start fresh".</summary>
    bool RestoreState(StrategyState state);
}
