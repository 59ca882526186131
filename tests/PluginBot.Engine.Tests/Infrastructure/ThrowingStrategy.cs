using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests.Infrastructure;

/// <summary>A strategy with a bug: it throws on every <see cref="ThrowEvery"/>-th bar and asks to be long otherwise.</summary>
internal sealed class ThrowingStrategy(int throwEvery) : IStrategy
{
    private long bars;

    public int ThrowEvery { get; } = throwEvery;

    public void Initialize(IPluginContext context)
    {
    }

    public Signal OnBar(in Bar bar)
    {
        if (++bars % ThrowEvery == 0)
        {
            throw new InvalidOperationException($"bug on bar {bars}");
        }

        return Signal.Long();
    }
}
