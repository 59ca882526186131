using PluginBot.Indicators;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests.Infrastructure;

/// <summary>
/// A strategy that does real per-bar work (an exponential moving average of the close) and then holds: Hold while
/// warming up; after warm-up either Hold on every bar or, with <c>enterOnce</c>, one Long and Hold ever after.
/// </summary>
internal sealed class HoldingStrategy(bool enterOnce) : IStrategy
{
    private readonly ExponentialMovingAverage average = new(26);
    private bool entered;

    public void Initialize(IPluginContext context)
    {
    }

    public Signal OnBar(in Bar bar)
    {
        average.Update((double)bar.Close);
        if (!average.IsReady || !enterOnce || entered)
        {
            return Signal.Hold;
        }

        entered = true;
        return Signal.Long();
    }
}
