namespace PluginBot.Engine.Composition;

/// <summary>How decisions are divided between the control and the candidate expert set.</summary>
public enum ExpertSetSplitMode
{
    /// <summary>A stable hash of the decision id sends a fixed fraction of decisions to the candidate.</summary>
    Hash = 0,

    /// <summary>The candidate trades the listed symbols; the control trades the rest.</summary>
    Symbol = 1,

    /// <summary>The control trades everything; the candidate decides on the same events without sending orders.</summary>
    Shadow = 2,
}
