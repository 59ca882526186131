namespace PluginBot.Models.Registry;

/// <summary>
/// The lower-case spelling of stages used in the index, in <c>metadata.json</c> and on the command line, kept in
/// one place so the three can never disagree.
/// </summary>
public static class ModelStageText
{
    /// <summary>"candidate", "staging", "production" or "archived".</summary>
    public static string Format(ModelStage stage) => stage switch
    {
        ModelStage.Candidate => "candidate",
        ModelStage.Staging => "staging",
        ModelStage.Production => "production",
        ModelStage.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown model stage."),
    };

    /// <summary>Reads a stage written by <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">The text is not one of the four stage names.</exception>
    public static ModelStage Parse(string text) => text switch
    {
        "candidate" => ModelStage.Candidate,
        "staging" => ModelStage.Staging,
        "production" => ModelStage.Production,
        "archived" => ModelStage.Archived,
        _ => throw new FormatException($"'{text}' is not a model stage: expected candidate, staging, production or archived."),
    };
}
