using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests.Committees;

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

/// <summary>Answers like <see cref="MomentumExpert"/> until its <c>failAfter</c>-th call, then throws on every call.</summary>
internal sealed class FailingExpert(int failAfter) : IExpert
{
    private readonly MomentumExpert momentum = new();
    private int calls;

    public string Name => "failing";

    public void Initialize(IPluginContext context)
    {
    }

    public Signal Evaluate(in Bar bar) =>
        ++calls > failAfter ? throw new InvalidOperationException("the model file went away") : momentum.Evaluate(in bar);
}

/// <summary>Always reports 70 % trending and 30 % ranging.</summary>
internal sealed class FixedRegimeDetector : IRegimeDetector
{
    public void Initialize(IPluginContext context)
    {
    }

    public RegimeEstimate Update(in Bar bar) => new(0, 0, 0.7, 0.3);
}
