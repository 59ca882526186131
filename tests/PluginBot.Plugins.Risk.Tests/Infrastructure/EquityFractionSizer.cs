using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>
/// A test sizer: <c>fraction</c> × equity ÷ price, rounded down to the lot. Deliberately ignorant of any limit, so
/// whatever keeps positions within bounds in these runs is the risk layers.
/// </summary>
internal sealed class EquityFractionSizer(decimal fraction) : IPositionSizer
{
    private IPluginContext? context;

    public void Initialize(IPluginContext context) => this.context = context;

    public SizingResult Size(in SizingRequest request)
    {
        var quantity = request.Rules.RoundQuantityDown(fraction * context!.Portfolio.Equity / request.ReferencePrice);
        return quantity > 0 ? SizingResult.Of(quantity) : SizingResult.None("less than one lot");
    }
}
