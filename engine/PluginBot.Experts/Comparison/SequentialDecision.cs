namespace PluginBot.Experts.Comparison;

/// <summary>Where a sequential test stands.</summary>
public enum SequentialDecision
{
    /// <summary>Not enough evidence either way yet: keep collecting.</summary>
    Continue = 0,

    /// <summary>The evidence favours the null hypothesis (hit rate p0): stop, the candidate is not better.</summary>
    AcceptNull = 1,

    /// <summary>The evidence favours the alternative (hit rate p1): stop, the candidate is better.</summary>
    AcceptAlternative = 2,
}
