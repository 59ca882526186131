namespace PluginBot.Server.Contracts;

/// <summary>What a swap replaces; each kind names its target differently.</summary>
public enum SwapKind
{
    /// <summary>A plugin slot; the target is "pluginId@version" or a plugin id for its newest version.</summary>
    Plugin = 1,

    /// <summary>The strategy script; the target is the script file.</summary>
    Script = 2,

    /// <summary>The active expert set; the target is the set's name.</summary>
    ExpertSet = 3,
}
