using PluginBot.Indicators;

namespace PluginBot.Features;

/// <summary>One piece of per-bar work a feature set runs before its columns are read (usually one indicator update).</summary>
internal delegate void BarStep(in BarSample bar);
