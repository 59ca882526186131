using PluginBot.Sdk.Signals;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>One expert output of the script: a direction and a confidence in hundredths.</summary>
internal readonly record struct ScriptedSignal(SignalDirection Direction, int ConfidencePercent)
{
    /// <summary>The signal the scripted strategy returns.</summary>
    public Signal ToSignal() => Direction == SignalDirection.Hold
        ? Signal.Hold
        : new Signal(Direction, ConfidencePercent / 100.0, TimeSpan.Zero);

    /// <inheritdoc />
    public override string ToString() => Direction == SignalDirection.Hold ? "Hold" : $"{Direction}@{ConfidencePercent}";
}
