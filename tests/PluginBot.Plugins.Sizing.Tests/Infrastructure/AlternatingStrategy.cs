using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.Sizing.Tests.Infrastructure;

/// <summary>
/// A deterministic strategy for sizing runs: every <see cref="Period"/> bars it asks for the opposite side (long,
/// then short), so the sizer is called on entries and on flips, with a confidence that cycles from 0.1 to 0.9 so
/// confidence-dependent sizes and the exchange minimums are both exercised.
/// </summary>
internal sealed class AlternatingStrategy : IStrategy
{
    public const int Period = 10;

    private long bars;
    private int decisions;

    public void Initialize(IPluginContext context)
    {
    }

    public Signal OnBar(in Bar bar)
    {
        bars++;
        if (bars % Period != 0)
        {
            return Signal.Hold;
        }

        decisions++;
        var confidence = 0.1 * (1 + decisions % 9);
        return decisions % 2 == 1 ? Signal.Long(confidence) : Signal.Short(confidence);
    }
}
