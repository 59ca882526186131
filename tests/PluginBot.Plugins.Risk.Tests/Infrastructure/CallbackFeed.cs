using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Market;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>
/// Passes bars through and runs an action just before handing out given bar numbers (0-based), the way an
/// operator's call from another thread lands between two events.
/// </summary>
internal sealed class CallbackFeed(IBarFeed inner, IReadOnlyDictionary<int, Action> actions) : IBarFeed
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
