using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Market;

namespace PluginBot.Hosting.Tests.Host;

/// <summary>
/// Passes bars through and runs an action just before handing out a given bar number (0-based), the way a
/// request from another thread lands between two events.
/// </summary>
internal sealed class TriggeringFeed(IBarFeed inner, IReadOnlyDictionary<int, Action> actions) : IBarFeed
{
    private int handedOut;

    public long? RemainingCount => inner.RemainingCount;

    public bool TryRead(out Bar bar)
    {
        if (actions.TryGetValue(handedOut++, out var action))
        {
            action();
        }

        return inner.TryRead(out bar);
    }
}
