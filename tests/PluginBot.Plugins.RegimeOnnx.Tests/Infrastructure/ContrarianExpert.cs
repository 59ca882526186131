using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.RegimeOnnx.Tests.Infrastructure;

/// <summary>The opposite of <see cref="MomentumExpert"/>, with confidence 0.6.</summary>
internal sealed class ContrarianExpert : IExpert
{
    private readonly MomentumExpert momentum = new();

    public string Name => "contrarian";

    public void Initialize(IPluginContext context)
    {
    }

    public Signal Evaluate(in Bar bar) => momentum.Evaluate(in bar).Direction switch
    {
        SignalDirection.Long => Signal.Short(0.6),
        SignalDirection.Short => Signal.Long(0.6),
        _ => Signal.Hold,
    };
}
