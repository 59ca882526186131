using System.Collections.Concurrent;
using System.Globalization;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// Counts how often a property's interesting case really happened in the generated runs, so a property cannot pass
/// by never meeting the situation it is about (a generator drift that stops producing halts would otherwise go unseen).
/// </summary>
internal sealed class Coverage
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public void Count(string label, bool happened = true)
    {
        if (happened)
        {
            counts.AddOrUpdate(label, 1, (_, count) => count + 1);
        }
    }

    public int this[string label] => counts.GetValueOrDefault(label);

    /// <summary>Fails unless <paramref name="label"/> happened in at least <paramref name="minimum"/> runs.</summary>
    public void AtLeast(string label, int minimum) =>
        Assert.True(this[label] >= minimum, string.Create(CultureInfo.InvariantCulture, $"only {this[label]} runs with '{label}' (want {minimum}); coverage: {this}"));

    public override string ToString() => string.Join(", ", counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} = {pair.Value}"));
}
