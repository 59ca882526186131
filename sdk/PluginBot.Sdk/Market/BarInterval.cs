using System.Globalization;

namespace PluginBot.Sdk.Market;

/// <summary>
/// The length of a bar. Written the way exchanges and the CLI write it ("1m", "5m", "1h", "1d", "30s")
/// so a configuration file and a Binance kline request use the same spelling.
/// </summary>
public readonly record struct BarInterval
{
    /// <summary>Creates an interval of the given positive duration.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is zero or negative.</exception>
    public BarInterval(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A bar interval must be positive.");
        }

        Duration = duration;
    }

    /// <summary>The length of one bar.</summary>
    public TimeSpan Duration { get; }

    /// <summary>One minute, the resolution of most shipped data.</summary>
    public static BarInterval OneMinute { get; } = new(TimeSpan.FromMinutes(1));

    /// <summary>One hour.</summary>
    public static BarInterval OneHour { get; } = new(TimeSpan.FromHours(1));

    /// <summary>One day.</summary>
    public static BarInterval OneDay { get; } = new(TimeSpan.FromDays(1));

    /// <summary>
    /// Parses "30s", "1m", "15m", "4h", "1d" or "1w". Throws a <see cref="FormatException"/> naming what was expected.
    /// </summary>
    public static BarInterval Parse(string text)
    {
        if (TryParse(text, out var interval))
        {
            return interval;
        }

        throw new FormatException($"'{text}' is not a bar interval: expected a positive number followed by s, m, h, d or w (for example 1m, 15m, 1h, 1d).");
    }

    /// <summary>Parses an interval without throwing; returns false when the text is not an interval.</summary>
    public static bool TryParse(string? text, out BarInterval interval)
    {
        interval = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return false;
        }

        text = text.Trim();
        var unit = text[^1];
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return false;
        }

        TimeSpan? duration = unit switch
        {
            's' => TimeSpan.FromSeconds(count),
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            'd' => TimeSpan.FromDays(count),
            'w' => TimeSpan.FromDays(7 * count),
            _ => null,
        };
        if (duration is null)
        {
            return false;
        }

        interval = new BarInterval(duration.Value);
        return true;
    }

    /// <summary>True when <paramref name="larger"/> is a whole multiple of this interval, so bars can be resampled into it.</summary>
    public bool Divides(BarInterval larger) => larger.Duration.Ticks % Duration.Ticks == 0 && larger.Duration >= Duration;

    /// <summary>The start of the bar of this interval that contains <paramref name="time"/>, counting from the Unix epoch (UTC).</summary>
    public DateTime Floor(DateTime time)
    {
        var sinceEpoch = time.Ticks - DateTime.UnixEpoch.Ticks;
        var floored = sinceEpoch - (((sinceEpoch % Duration.Ticks) + Duration.Ticks) % Duration.Ticks);
        return new DateTime(DateTime.UnixEpoch.Ticks + floored, DateTimeKind.Utc);
    }

    /// <summary>The shortest exact spelling, for example "15m" or "1d".</summary>
    public override string ToString()
    {
        var ticks = Duration.Ticks;
        if (ticks % TimeSpan.TicksPerDay == 0 && ticks / TimeSpan.TicksPerDay % 7 == 0)
        {
            return $"{ticks / TimeSpan.TicksPerDay / 7}w";
        }

        if (ticks % TimeSpan.TicksPerDay == 0)
        {
            return $"{ticks / TimeSpan.TicksPerDay}d";
        }

        if (ticks % TimeSpan.TicksPerHour == 0)
        {
            return $"{ticks / TimeSpan.TicksPerHour}h";
        }

        if (ticks % TimeSpan.TicksPerMinute == 0)
        {
            return $"{ticks / TimeSpan.TicksPerMinute}m";
        }

        return $"{Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
    }
}
