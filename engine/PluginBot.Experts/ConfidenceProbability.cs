namespace PluginBot.Experts;

/// <summary>
/// The one reading of a signal's confidence as a probability, shared by Bayesian model averaging and calibration so
/// the two never disagree about what a confidence promises.
/// </summary>
/// <remarks>
/// A signal's confidence scales size and 0 means "do not act", so 0 cannot mean "certainly wrong". It is read as
/// the probability that the stated direction is right: p = (1 + confidence) / 2. Confidence 0 is a coin flip,
/// 0.5 promises 75 % hits, 1 promises certainty.
/// </remarks>
public static class ConfidenceProbability
{
    /// <summary>The probability that a directional signal with this confidence gets the direction right.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Confidence is outside [0, 1] or NaN.</exception>
    public static double OfCorrectDirection(double confidence)
    {
        if (!(confidence >= 0 && confidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be between 0 and 1.");
        }

        return 0.5 + (0.5 * confidence);
    }
}
