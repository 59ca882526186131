namespace PluginBot.Server.Contracts;

/// <summary>The part an expert set plays in an A/B split.</summary>
public enum SplitRole
{
    /// <summary>The set in production before the split; kept on rollback.</summary>
    Control = 1,

    /// <summary>The set under test; becomes the control on promotion.</summary>
    Candidate = 2,
}
