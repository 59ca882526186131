namespace PluginBot.Server.Contracts;

/// <summary>A plugin known to the host's plugin folder.</summary>
/// <param name="Id">The plugin id from its manifest.</param>
/// <param name="Version">The loaded version.</param>
/// <param name="Kind">What it provides, for example "risk" or "sizer".</param>
/// <param name="State">The host's state for it, for example "Loaded" or "Faulted".</param>
/// <param name="Error">Why it is not usable, when it is not.</param>
public sealed record PluginSummary(string Id, string Version, string Kind, string State, string? Error = null);
