using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>
/// Long on bars starting an even number of minutes after the origin, flat on odd ones: an entry and an exit on every
/// pair of bars, so the risk layers are asked about new risk and about reductions many times in a short run (and fees
/// make it lose). A symbol named in <c>holdSymbols</c> is instead bought on its first bar and held, so another symbol's
/// entries meet an exposure that is already there.
/// </summary>
internal sealed class AlternatingStrategy(DateTime origin, params string[] holdSymbols) : IStrategy
{
    public void Initialize(IPluginContext context)
    {
    }

    public Signal OnBar(in Bar bar)
    {
        if (Array.IndexOf(holdSymbols, bar.Symbol) >= 0)
        {
            return Signal.Long();
        }

        // The held symbols enter on the first bar; the others wait one pair of bars so they never race them for cash.
        var minute = (long)(bar.StartTime - origin).TotalMinutes;
        if (holdSymbols.Length > 0 && minute < 2)
        {
            return Signal.Hold;
        }

        return minute % 2 == 0 ? Signal.Long() : Signal.Flat();
    }
}
