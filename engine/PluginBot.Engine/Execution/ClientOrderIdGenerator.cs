using System.Globalization;

namespace PluginBot.Engine.Execution;

/// <summary>
/// Deterministic client order ids: a prefix and a sequence number. The same backtest always produces the same ids,
/// and a restarted engine that resumes its sequence never reuses one.
/// </summary>
public sealed class ClientOrderIdGenerator
{
    private readonly string prefix;
    private long sequence;

    /// <summary>Creates a generator whose next id is <paramref name="prefix"/>-(<paramref name="lastSequence"/>+1).</summary>
    public ClientOrderIdGenerator(string prefix, long lastSequence = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        this.prefix = prefix;
        sequence = lastSequence;
    }

    /// <summary>The sequence number of the last id handed out.</summary>
    public long LastSequence => sequence;

    /// <summary>The next id.</summary>
    public string Next() => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{++sequence:D8}");
}
