namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// One bar of a generated price path, as moves in basis points from the previous close, so a shrunk path stays a
/// valid path: the open is where a gap shows (a large <paramref name="OpenMove"/> opens far from the previous close).
/// </summary>
/// <param name="OpenMove">Open relative to the previous close, in basis points.</param>
/// <param name="CloseMove">Close relative to the open, in basis points.</param>
/// <param name="HighExtra">How far the high reaches above the higher of open and close, in basis points.</param>
/// <param name="LowExtra">How far the low reaches below the lower of open and close, in basis points.</param>
/// <param name="Volume">Traded volume in whole lots of 0.00001 (zero-volume bars happen on thin markets).</param>
internal readonly record struct PriceStep(int OpenMove, int CloseMove, int HighExtra, int LowExtra, int Volume);
