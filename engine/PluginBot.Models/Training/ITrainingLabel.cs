using PluginBot.Sdk.Market;

namespace PluginBot.Models.Training;

/// <summary>
/// What a model is trained to predict about bar t, read only from bars after t (plus, for reference levels, bars up to
/// t). The dataset builder, the walk-forward purge and the registry's metadata all go through this contract, so a new
/// kind of label cannot forget the horizon that purging depends on or the class names serving depends on.
/// </summary>
public interface ITrainingLabel
{
    /// <summary>The label as written on the command line and in metadata.json ("forward-return:15", "regime:15"); parsing it gives the same label back.</summary>
    string Name { get; }

    /// <summary>How many bars after t the label reads; walk-forward purging and the default embargo use it.</summary>
    int Horizon { get; }

    /// <summary>Output column names in class-index order, written to metadata.json as <c>classes</c>.</summary>
    IReadOnlyList<string> Classes { get; }

    /// <summary>The first word of the default model kind ("direction", "regime"), so models of different tasks never share a registry folder.</summary>
    string KindPrefix { get; }

    /// <summary>The class of bar <paramref name="index"/>, or null when the bars cannot define it (too near either end).</summary>
    int? LabelAt(IReadOnlyList<Bar> bars, int index);
}
