using System.Globalization;
using System.Text.Json;
using PluginBot.Sdk.Configuration;

namespace PluginBot.Plugins.Risk.Drawdown;

/// <summary>Reads and checks the drawdown layer's settings; every error names the setting's full path.</summary>
internal static class DrawdownSettings
{
    public const decimal DefaultMaximumDrawdown = 0.20m;

    public static IReadOnlyList<DrawdownLevel> DefaultLevels { get; } =
        [new(0.05m, 0.8m), new(0.10m, 0.6m), new(0.15m, 0.4m)];

    public static (IReadOnlyList<DrawdownLevel> Levels, decimal MaximumDrawdown) Read(PluginSettings settings)
    {
        settings.RejectUnknown("levels", "maximumDrawdown");
        var maximumDrawdown = settings.GetDecimal("maximumDrawdown", DefaultMaximumDrawdown, minimum: 0.0001m, maximum: 1m);
        var levels = ReadLevels(settings);
        var path = $"{settings.Path}.levels";
        for (var index = 0; index < levels.Count; index++)
        {
            if (levels[index].Drawdown >= maximumDrawdown)
            {
                throw new PluginSettingsException($"{path}[{index}].drawdown", string.Create(CultureInfo.InvariantCulture,
                    $"a scaling level at {levels[index].Drawdown} is never used: trading is already reduce-only from the maximumDrawdown {maximumDrawdown}"));
            }

            if (index > 0 && levels[index].Drawdown <= levels[index - 1].Drawdown)
            {
                throw new PluginSettingsException($"{path}[{index}].drawdown", "levels must be listed by strictly increasing drawdown");
            }

            // A deeper drawdown that allows more risk than a shallower one is almost certainly a typo.
            if (index > 0 && levels[index].Scale > levels[index - 1].Scale)
            {
                throw new PluginSettingsException($"{path}[{index}].scale", string.Create(CultureInfo.InvariantCulture,
                    $"a deeper drawdown must not scale risk up: {levels[index].Scale} is above the previous level's {levels[index - 1].Scale}"));
            }
        }

        return (levels, maximumDrawdown);
    }

    private static IReadOnlyList<DrawdownLevel> ReadLevels(PluginSettings settings)
    {
        var path = $"{settings.Path}.levels";
        if (settings.Json.ValueKind != JsonValueKind.Object
            || !settings.Json.TryGetProperty("levels", out var array)
            || array.ValueKind == JsonValueKind.Null)
        {
            return DefaultLevels;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new PluginSettingsException(path, $"expected an array of {{ \"drawdown\", \"scale\" }} objects, found {array.ValueKind}");
        }

        var levels = new List<DrawdownLevel>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var level = new PluginSettings(element, $"{path}[{index}]");
            level.RejectUnknown("drawdown", "scale");
            levels.Add(new DrawdownLevel(Required(level, "drawdown", maximum: 1m), Required(level, "scale", maximum: 1m)));
            index++;
        }

        return levels;
    }

    private static decimal Required(PluginSettings level, string name, decimal maximum)
    {
        if (!level.Contains(name))
        {
            throw new PluginSettingsException($"{level.Path}.{name}", "required");
        }

        return level.GetDecimal(name, 0m, minimum: 0.0001m, maximum: maximum);
    }
}
