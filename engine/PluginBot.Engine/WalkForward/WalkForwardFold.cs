namespace PluginBot.Engine.WalkForward;

/// <summary>
/// One rolling out-of-sample window: bars starting in [<paramref name="TrainStart"/>, <paramref name="TestStart"/>)
/// only warm the strategy up and train its online weights; bars starting in [<paramref name="TestStart"/>,
/// <paramref name="TestEnd"/>) are traded and measured.
/// </summary>
/// <param name="Index">Zero-based fold number.</param>
/// <param name="TrainStart">Start time of the first training bar.</param>
/// <param name="TestStart">Start time of the first test bar.</param>
/// <param name="TestEnd">End time of the last test bar (exclusive bound on start times).</param>
/// <param name="TrainBars">Number of distinct bar times in the training part.</param>
/// <param name="TestBars">Number of distinct bar times in the test part.</param>
public sealed record WalkForwardFold(int Index, DateTime TrainStart, DateTime TestStart, DateTime TestEnd, int TrainBars, int TestBars);
