namespace PluginBot.Server.Contracts;

/// <summary>The host-wide kill switch: while engaged no strategy may open or grow a position.</summary>
/// <param name="Engaged">True while engaged.</param>
/// <param name="Reason">Why it was engaged, as the operator gave it.</param>
/// <param name="Since">Engine clock time it was engaged.</param>
public sealed record KillSwitchState(bool Engaged, string? Reason, DateTime? Since);
