namespace PluginBot.Engine.Hosting;

/// <summary>One line a plugin or the engine logged, stamped with the environment clock's time.</summary>
/// <param name="Time">Clock time when logged.</param>
/// <param name="Source">Who logged it (plugin id or "engine").</param>
/// <param name="Level">Information, Warning or Error.</param>
/// <param name="Message">The text.</param>
public sealed record LogEntry(DateTime Time, string Source, string Level, string Message);
