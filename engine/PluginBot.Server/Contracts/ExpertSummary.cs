namespace PluginBot.Server.Contracts;

/// <summary>An expert model and the set it belongs to.</summary>
/// <param name="Id">The expert's id.</param>
/// <param name="Version">The loaded version (a model hash for learned experts).</param>
/// <param name="ExpertSet">The expert set it is part of; A/B splits switch between sets.</param>
/// <param name="State">The host's state for it, for example "Active", "Shadow" or "Faulted".</param>
public sealed record ExpertSummary(string Id, string Version, string ExpertSet, string State);
