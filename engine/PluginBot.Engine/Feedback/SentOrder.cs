namespace PluginBot.Engine.Feedback;

/// <summary>An order the tracker saw leave: what its fills are measured against.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="ReferencePrice">The price the decision was taken on; slippage is measured from it.</param>
/// <param name="SentAt">When the order left; latency is measured from it.</param>
internal readonly record struct SentOrder(string Symbol, decimal ReferencePrice, DateTime SentAt);
