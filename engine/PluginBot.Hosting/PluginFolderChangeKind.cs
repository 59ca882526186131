namespace PluginBot.Hosting;

/// <summary>What happened to a plugin folder.</summary>
public enum PluginFolderChangeKind
{
    /// <summary>A new, complete plugin folder appeared.</summary>
    Added = 0,

    /// <summary>A plugin folder's files changed and have settled.</summary>
    Changed = 1,

    /// <summary>A plugin folder (or its plugin.json) disappeared.</summary>
    Removed = 2,
}
