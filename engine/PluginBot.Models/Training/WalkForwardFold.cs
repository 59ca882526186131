namespace PluginBot.Models.Training;

/// <summary>One walk-forward fold as row positions into the dataset, both lists ascending.</summary>
/// <param name="Index">0 for the earliest test fold.</param>
/// <param name="TrainRows">Rows the fold's model is fitted on: earlier rows, purged and embargoed.</param>
/// <param name="TestRows">Rows it is scored on, all after every training row.</param>
public sealed record WalkForwardFold(int Index, IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows);
