using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Host;

/// <summary>Sizes every decision to a fixed fraction of equity, so the strategies under test always trade.</summary>
internal sealed class FractionOfEquitySizer(decimal fraction) : IPositionSizer
{
    private IPluginContext? context;

    public void Initialize(IPluginContext context) => this.context = context;

    public SizingResult Size(in SizingRequest request) => SizingResult.Of(context!.Portfolio.Equity * fraction / request.ReferencePrice);
}
