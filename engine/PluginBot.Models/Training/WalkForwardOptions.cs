namespace PluginBot.Models.Training;

/// <summary>How to cut rows into walk-forward folds.</summary>
/// <param name="Folds">Test folds; the rows are cut into Folds + 1 equal blocks and the first block is only ever trained on.</param>
/// <param name="Horizon">Label horizon in bars: a row at bar b has a label window [b, b + Horizon].</param>
/// <param name="Embargo">Bars after each test fold that no later fold may train on.</param>
public sealed record WalkForwardOptions(int Folds, int Horizon, int Embargo);
