namespace PluginBot.Models.Registry;

/// <summary>What a rollback changed: which version serves now and which one was taken out.</summary>
/// <param name="Restored">The previous production version, production again.</param>
/// <param name="Archived">The version that was production, now archived.</param>
public sealed record RollbackResult(ModelVersionRecord Restored, ModelVersionRecord Archived);
