namespace PluginBot.Models.Registry;

/// <summary>
/// Where a model version stands in its life. Versions only move forward (candidate → staging → production →
/// archived), except that a rollback brings the previous production version back from archived, so what serves
/// live money has always passed through staging first.
/// </summary>
public enum ModelStage
{
    /// <summary>Just registered by training; not served anywhere.</summary>
    Candidate = 0,

    /// <summary>Chosen for shadow or paper trading before it may go live.</summary>
    Staging = 1,

    /// <summary>The one version per symbol and kind that the engine serves.</summary>
    Production = 2,

    /// <summary>Replaced; kept so a rollback can restore it and audits can read it.</summary>
    Archived = 3,
}
