namespace PluginBot.Server.Contracts;

/// <summary>One page of a strategy's decision records.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Decisions">Records with a sequence above the requested one, oldest first.</param>
/// <param name="NextAfter">Pass as "after" to get the next page; equals the request's "after" when the page is empty.</param>
public sealed record DecisionPage(string Strategy, IReadOnlyList<DecisionEntry> Decisions, long NextAfter);
