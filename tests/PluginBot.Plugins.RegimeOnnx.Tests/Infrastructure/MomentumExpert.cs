using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.RegimeOnnx.Tests.Infrastructure;

/// <summary>Long after an up bar, short after a down bar, abstains on an unchanged close; confidence 0.8.</summary>
internal sealed class MomentumExpert : IExpert
{
    private readonly Dictionary<string, decimal> previous = [];

    public string Name => "momentum";

    public void Initialize(IPluginContext context)
    {
    }

    public Signal Evaluate(in Bar bar)
    {
        var had = previous.TryGetValue(bar.Symbol, out var last);
        previous[bar.Symbol] = bar.Close;
        if (!had || bar.Close == last)
        {
            return Signal.Hold;
        }

        return bar.Close > last ? Signal.Long(0.8) : Signal.Short(0.8);
    }
}
