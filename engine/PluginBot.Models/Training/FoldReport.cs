namespace PluginBot.Models.Training;

/// <summary>One walk-forward fold's result: the model on its training and test rows and the baselines on the same test rows.</summary>
/// <param name="Index">The fold, 0 first.</param>
/// <param name="TrainRows">Training rows after purging and embargo.</param>
/// <param name="InSample">The fold model on its own training rows.</param>
/// <param name="OutOfSample">The fold model on its test rows.</param>
/// <param name="AlwaysLong">Always-long on the test rows; null for labels that are not directions (there is no "long" regime).</param>
/// <param name="MajorityClass">The training fold's class frequencies on the test rows.</param>
public sealed record FoldReport(int Index, int TrainRows, ClassificationScore InSample, ClassificationScore OutOfSample, ClassificationScore? AlwaysLong, ClassificationScore MajorityClass);
