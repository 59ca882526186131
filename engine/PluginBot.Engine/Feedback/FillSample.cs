namespace PluginBot.Engine.Feedback;

/// <summary>
/// What one fill taught the tracker: its slippage against the decision price, its send-to-fill latency and, when its
/// bar's volume was known, the share of that volume it took.
/// </summary>
/// <param name="SlippageBasisPoints">Signed slippage; positive is worse than the decision price.</param>
/// <param name="Latency">Time from sending the order to this fill.</param>
/// <param name="Participation">Fill quantity ÷ bar volume, or null when the bar had no volume to compare with.</param>
internal readonly record struct FillSample(double SlippageBasisPoints, TimeSpan Latency, double? Participation);
