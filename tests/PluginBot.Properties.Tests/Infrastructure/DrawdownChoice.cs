namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>The drawdown layer's settings: the hard maximum and the scaling ladder below it (in basis points).</summary>
internal sealed record DrawdownChoice(int MaximumBasisPoints, (int DrawdownBasisPoints, int ScalePercent)[] Levels)
{
    /// <summary>The maximum drawdown as a fraction.</summary>
    public decimal Maximum => MaximumBasisPoints / 10_000m;

    /// <summary>The settings as a composition writes them.</summary>
    public string Settings =>
        $$"""{ "maximumDrawdown": {{Maximum}}, "levels": [{{string.Join(", ", Levels.Select(level => $$"""{ "drawdown": {{level.DrawdownBasisPoints / 10_000m}}, "scale": {{level.ScalePercent / 100m}} }"""))}}] }""";

    /// <inheritdoc />
    public override string ToString() => Settings;
}
