namespace PluginBot.Indicators;

/// <summary>An indicator fed a whole bar (open, high, low, close, volume).</summary>
public interface IBarIndicator : IIndicator
{
    /// <summary>Adds one bar.</summary>
    void Update(in BarSample bar);
}
