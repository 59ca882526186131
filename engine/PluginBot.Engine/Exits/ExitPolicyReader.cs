using System.Globalization;
using System.Text.Json;
using PluginBot.Engine.Composition;
using static PluginBot.Engine.Composition.ConfigurationJson;

namespace PluginBot.Engine.Exits;

/// <summary>
/// Reads a composition's <c>exits</c> section. Like the rest of the loader it names the file and the JSON path of
/// every problem and treats unknown keys as errors: a misspelt "stopLos" silently meaning "no stop" is exactly the
/// failure an exit policy exists to prevent.
/// </summary>
/// <example>
/// <code>
/// "exits": {
///   "stopLoss": { "fraction": 0.02 },
///   "takeProfit": { "gain": 0.12 },
///   "trailingStop": { "activationGain": 0.03, "averageTrueRange": { "multiple": 3, "period": 14 } },
///   "partialExits": [ { "gain": 0.03, "fraction": 0.25 }, { "gain": 0.06, "fraction": 0.25 }, { "gain": 0.10, "fraction": 0.5 } ],
///   "scaleIn": { "gains": [0.02, 0.04], "fractionOfInitial": 0.5, "maximumCount": 2 },
///   "maximumHoldingPeriod": "3.00:00:00",
///   "weekendFlat": { "day": "Friday", "time": "21:00", "resumeDay": "Monday", "resumeTime": "00:00" }
/// }
/// </code>
/// </example>
public static class ExitPolicyReader
{
    private static readonly string[] ExitKeys = ["stopLoss", "takeProfit", "trailingStop", "partialExits", "scaleIn", "maximumHoldingPeriod", "weekendFlat"];
    private static readonly string[] StopKeys = ["fraction", "averageTrueRange"];
    private static readonly string[] AverageTrueRangeKeys = ["multiple", "period"];
    private static readonly string[] TakeProfitKeys = ["gain"];
    private static readonly string[] TrailingKeys = ["activationGain", "fraction", "averageTrueRange"];
    private static readonly string[] PartialKeys = ["gain", "fraction"];
    private static readonly string[] ScaleInKeys = ["gains", "fractionOfInitial", "maximumCount"];
    private static readonly string[] WeekendKeys = ["day", "time", "resumeDay", "resumeTime"];

    /// <summary>Reads the section at <paramref name="jsonPath"/> of <paramref name="path"/>; null (absent) reads as <see cref="ExitPolicy.None"/>.</summary>
    /// <exception cref="CompositionException">The section is malformed; the message names the file and the JSON path.</exception>
    public static ExitPolicy Read(string path, JsonElement? section, string jsonPath = "$.exits")
    {
        if (section is not { } exits || exits.ValueKind == JsonValueKind.Null)
        {
            return ExitPolicy.None;
        }

        Expect(path, exits, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, exits, jsonPath, ExitKeys);
        var partials = PartialExits(path, exits, jsonPath);
        var takeProfit = Optional(exits, "takeProfit") is { } take ? TakeProfit(path, take, $"{jsonPath}.takeProfit") : (decimal?)null;
        if (takeProfit is { } gain && partials.Count > 0 && gain <= partials[^1].Gain)
        {
            throw new CompositionException(path, $"{jsonPath}.takeProfit.gain", string.Create(CultureInfo.InvariantCulture,
                $"the take profit at {gain} must be above the highest partial exit ({partials[^1].Gain}); otherwise the partial exits above it could never fill"));
        }

        return new ExitPolicy
        {
            StopLoss = Optional(exits, "stopLoss") is { } stop ? Distance(path, stop, $"{jsonPath}.stopLoss", StopKeys) : null,
            TakeProfit = takeProfit,
            TrailingStop = Optional(exits, "trailingStop") is { } trailing ? Trailing(path, trailing, $"{jsonPath}.trailingStop") : null,
            PartialExits = partials,
            ScaleIn = Optional(exits, "scaleIn") is { } scaleIn ? ScaleIn(path, scaleIn, $"{jsonPath}.scaleIn") : null,
            MaximumHoldingPeriod = Optional(exits, "maximumHoldingPeriod") is { } holding ? HoldingPeriod(path, holding, $"{jsonPath}.maximumHoldingPeriod") : null,
            WeekendFlat = Optional(exits, "weekendFlat") is { } weekend ? Weekend(path, weekend, $"{jsonPath}.weekendFlat") : null,
        };
    }

    private static PriceDistance Distance(string path, JsonElement element, string jsonPath, string[] keys)
    {
        Expect(path, element, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, element, jsonPath, keys);
        var fraction = Optional(element, "fraction");
        var averageTrueRange = Optional(element, "averageTrueRange");
        if ((fraction is null) == (averageTrueRange is null))
        {
            throw new CompositionException(path, jsonPath, "expected exactly one of \"fraction\" or \"averageTrueRange\"");
        }

        if (fraction is { } value)
        {
            var number = Number(path, value, $"{jsonPath}.fraction");
            return number is > 0m and < 1m
                ? PriceDistance.OfFraction(number)
                : throw new CompositionException(path, $"{jsonPath}.fraction", string.Create(CultureInfo.InvariantCulture, $"expected a fraction above 0 and below 1, found {number}"));
        }

        var atr = averageTrueRange!.Value;
        var atrPath = $"{jsonPath}.averageTrueRange";
        Expect(path, atr, atrPath, JsonValueKind.Object);
        RejectUnknown(path, atr, atrPath, AverageTrueRangeKeys);
        var multiple = Positive(path, Required(path, atr, atrPath, "multiple"), $"{atrPath}.multiple");
        var period = WholeNumber(path, Required(path, atr, atrPath, "period"), $"{atrPath}.period", minimum: 1);
        return PriceDistance.OfAverageTrueRange(multiple, period);
    }

    private static decimal TakeProfit(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, element, jsonPath, TakeProfitKeys);
        return Positive(path, Required(path, element, jsonPath, "gain"), $"{jsonPath}.gain");
    }

    private static TrailingStopPolicy Trailing(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, element, jsonPath, TrailingKeys);
        var activation = Optional(element, "activationGain") is { } gain ? NonNegative(path, gain, $"{jsonPath}.activationGain") : 0m;
        return new TrailingStopPolicy(activation, Distance(path, element, jsonPath, TrailingKeys));
    }

    private static List<ProfitTarget> PartialExits(string path, JsonElement exits, string jsonPath)
    {
        var targets = new List<ProfitTarget>();
        if (Optional(exits, "partialExits") is not { } partials)
        {
            return targets;
        }

        var listPath = $"{jsonPath}.partialExits";
        Expect(path, partials, listPath, JsonValueKind.Array);
        var total = 0m;
        var index = 0;
        foreach (var level in partials.EnumerateArray())
        {
            var levelPath = $"{listPath}[{index++}]";
            Expect(path, level, levelPath, JsonValueKind.Object);
            RejectUnknown(path, level, levelPath, PartialKeys);
            var gain = Positive(path, Required(path, level, levelPath, "gain"), $"{levelPath}.gain");
            var fraction = Positive(path, Required(path, level, levelPath, "fraction"), $"{levelPath}.fraction");
            if (targets.Count > 0 && gain <= targets[^1].Gain)
            {
                throw new CompositionException(path, $"{levelPath}.gain", string.Create(CultureInfo.InvariantCulture, $"partial exits must be in ascending order of gain; {gain} follows {targets[^1].Gain}"));
            }

            total += fraction;
            if (total > 1m)
            {
                throw new CompositionException(path, $"{levelPath}.fraction", string.Create(CultureInfo.InvariantCulture, $"the partial exits take {total} of the position; they may take at most 1"));
            }

            targets.Add(new ProfitTarget(gain, fraction));
        }

        return targets;
    }

    private static ScaleInPolicy ScaleIn(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, element, jsonPath, ScaleInKeys);
        var gainsElement = Required(path, element, jsonPath, "gains");
        Expect(path, gainsElement, $"{jsonPath}.gains", JsonValueKind.Array);
        var gains = new List<decimal>();
        var index = 0;
        foreach (var gain in gainsElement.EnumerateArray())
        {
            var gainPath = $"{jsonPath}.gains[{index++}]";
            var value = Positive(path, gain, gainPath);
            if (gains.Count > 0 && value <= gains[^1])
            {
                throw new CompositionException(path, gainPath, string.Create(CultureInfo.InvariantCulture, $"scale-in gains must be ascending; {value} follows {gains[^1]}"));
            }

            gains.Add(value);
        }

        if (gains.Count == 0)
        {
            throw new CompositionException(path, $"{jsonPath}.gains", "expected at least one gain");
        }

        var fraction = Positive(path, Required(path, element, jsonPath, "fractionOfInitial"), $"{jsonPath}.fractionOfInitial");
        var count = Optional(element, "maximumCount") is { } maximum ? WholeNumber(path, maximum, $"{jsonPath}.maximumCount", minimum: 1) : gains.Count;
        if (count > gains.Count)
        {
            throw new CompositionException(path, $"{jsonPath}.maximumCount", $"{count} adds need {count} gains, but only {gains.Count} are given");
        }

        return new ScaleInPolicy(gains, fraction, count);
    }

    private static TimeSpan HoldingPeriod(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.String);
        var text = element.GetString()!;
        return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var period) && period > TimeSpan.Zero
            ? period
            : throw new CompositionException(path, jsonPath, $"expected a positive duration such as \"06:00:00\" or \"3.00:00:00\" (days.hours:minutes:seconds), found \"{text}\"");
    }

    private static WeekendFlatPolicy Weekend(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, element, jsonPath, WeekendKeys);
        var day = Day(path, Required(path, element, jsonPath, "day"), $"{jsonPath}.day");
        var time = TimeOfDay(path, Required(path, element, jsonPath, "time"), $"{jsonPath}.time");
        var resumeDay = Optional(element, "resumeDay") is { } resume ? Day(path, resume, $"{jsonPath}.resumeDay") : DayOfWeek.Monday;
        var resumeTime = Optional(element, "resumeTime") is { } resumeAt ? TimeOfDay(path, resumeAt, $"{jsonPath}.resumeTime") : TimeSpan.Zero;
        if (day == resumeDay && time == resumeTime)
        {
            throw new CompositionException(path, jsonPath, "the flat window starts and ends at the same moment, so it would never be flat");
        }

        return new WeekendFlatPolicy(day, time, resumeDay, resumeTime);
    }

    private static DayOfWeek Day(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.String);
        var text = element.GetString()!;
        return Enum.TryParse<DayOfWeek>(text, ignoreCase: false, out var day) && Enum.IsDefined(day) && !char.IsDigit(text[0])
            ? day
            : throw new CompositionException(path, jsonPath, $"expected a weekday such as \"Friday\", found \"{text}\"");
    }

    private static TimeSpan TimeOfDay(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.String);
        var text = element.GetString()!;
        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var time)
            ? time
            : throw new CompositionException(path, jsonPath, $"expected a UTC time of day as \"HH:mm\", found \"{text}\"");
    }
}
