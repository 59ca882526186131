namespace PluginBot.Models.Training;

/// <summary>Reads the label names <c>pluginbot train --label</c> accepts.</summary>
public static class TrainingLabel
{
    /// <summary>Reads "forward-return:H" or "regime:N" (see <see cref="ForwardReturnLabel"/> and <see cref="RegimeLabel"/>).</summary>
    /// <exception cref="FormatException">Neither form, or a form with a bad number; the message lists both forms.</exception>
    public static ITrainingLabel Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(RegimeLabel.Prefix, StringComparison.Ordinal))
        {
            return RegimeLabel.Parse(text);
        }

        if (text.StartsWith(ForwardReturnLabel.Prefix, StringComparison.Ordinal))
        {
            return ForwardReturnLabel.Parse(text);
        }

        throw new FormatException($"'{text}' is not a label: expected forward-return:H (direction over the next H bars) or regime:N (the regime of the next N bars), e.g. forward-return:15 or regime:15.");
    }
}
