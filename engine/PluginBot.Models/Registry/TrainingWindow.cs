namespace PluginBot.Models.Registry;

/// <summary>The first and last bar start times (UTC) a model was trained on, so nobody backtests it inside them by mistake.</summary>
/// <param name="From">Start time of the first training bar.</param>
/// <param name="To">Start time of the last bar whose data entered training (the last label's bar).</param>
public sealed record TrainingWindow(DateTime From, DateTime To);
