namespace PluginBot.Indicators;

/// <summary>An indicator fed one number per sample, usually the close.</summary>
public interface IValueIndicator : IIndicator
{
    /// <summary>Adds one sample.</summary>
    void Update(double value);
}
