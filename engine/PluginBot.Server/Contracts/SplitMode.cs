namespace PluginBot.Server.Contracts;

/// <summary>How an A/B split chooses which expert set trades.</summary>
public enum SplitMode
{
    /// <summary>The candidate set trades the listed symbols, the control set the rest.</summary>
    BySymbol = 1,

    /// <summary>A stable hash (of the decision id, in the engine) sends the given percentage of decisions to the candidate set.</summary>
    HashPercentage = 2,

    /// <summary>The control set trades everything; the candidate decides alongside but never sends orders.</summary>
    Shadow = 3,
}
