namespace PluginBot.Server.Contracts;

/// <summary>
/// The significance of the difference between the candidate and the control: Welch's t-test on per-decision returns
/// (candidate minus control, so a positive t favours the candidate) and Wald's sequential test on the candidate's hit rate.
/// </summary>
/// <param name="MeanDifference">Candidate mean return per decision minus the control's.</param>
/// <param name="TStatistic">Welch's t.</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite degrees of freedom.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="SequentialDecision">The sequential test's verdict so far: Continue, AcceptNull or AcceptAlternative.</param>
public sealed record SplitSignificance(double MeanDifference, double TStatistic, double DegreesOfFreedom, double PValue, string SequentialDecision);
