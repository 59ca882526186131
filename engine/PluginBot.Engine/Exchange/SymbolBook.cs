namespace PluginBot.Engine.Exchange;

/// <summary>The simulated exchange's state for one symbol: working orders in arrival order and the last price.</summary>
internal sealed class SymbolBook
{
    public List<WorkingOrder> Orders { get; } = [];

    /// <summary>The last close seen; 0 before the first bar.</summary>
    public decimal LastPrice { get; set; }
}
