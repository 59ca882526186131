using System.Globalization;

namespace PluginBot.Data;

/// <summary>
/// Allocation-free field splitting and value parsing for the comma-separated files this project reads. None of them
/// quote fields, so a plain split on commas is correct and much cheaper than a general CSV parser or a regex per line.
/// </summary>
internal static class CsvFields
{
    /// <summary>The last instant <see cref="DateTime"/> can hold, in Unix microseconds, to refuse absurd timestamps before they overflow.</summary>
    private const long MaximumEpochMicroseconds = 253_402_300_799_999_999;

    /// <summary>Open times at or above this are microseconds: as milliseconds they would lie after the year 5000, as microseconds they are after 1973.</summary>
    private const long MicrosecondThreshold = 100_000_000_000_000;

    /// <summary>
    /// Splits <paramref name="line"/> on commas into <paramref name="fields"/> and returns the true number of fields,
    /// which may exceed the space given; only the first <c>fields.Length</c> ranges are filled.
    /// </summary>
    public static int Split(ReadOnlySpan<char> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var comma = line[start..].IndexOf(',');
            var end = comma < 0 ? line.Length : start + comma;
            if (count < fields.Length)
            {
                fields[count] = new Range(start, end);
            }

            count++;
            if (comma < 0)
            {
                return count;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Parses a decimal in invariant culture, exponent notation allowed (vendors write large volumes as 1.156476E+08).
    /// Returns null on success, otherwise a problem naming <paramref name="column"/> and saying why the text is unusable.
    /// </summary>
    public static string? TryParseDecimal(ReadOnlySpan<char> text, string column, out decimal value)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate))
        {
            return double.IsNaN(approximate) || double.IsInfinity(approximate)
                ? $"{column} '{trimmed}' is not a finite number"
                : $"{column} '{trimmed}' is outside the range of decimal";
        }

        return trimmed.IsEmpty ? $"{column} is empty" : $"{column} '{trimmed}' is not a number";
    }

    /// <summary>
    /// Parses <c>yyyy-MM-dd HH:mm:ss</c>, <c>yyyy-MM-dd HH:mm</c> or <c>yyyy-MM-dd</c> (a 'T' separator is accepted too)
    /// by fixed positions, which is several times faster than <see cref="DateTime.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateTime)"/>.
    /// The result has <see cref="DateTimeKind.Unspecified"/>: the caller decides which zone it is in.
    /// </summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out DateTime time)
    {
        time = default;
        text = text.Trim();
        if (text.Length != 10 && text.Length != 16 && text.Length != 19)
        {
            return false;
        }

        if (text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out int year) || !TryDigits(text.Slice(5, 2), out int month) || !TryDigits(text.Slice(8, 2), out int day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        if (text.Length > 10)
        {
            if ((text[10] != ' ' && text[10] != 'T') || text[13] != ':'
                || !TryDigits(text.Slice(11, 2), out hour) || !TryDigits(text.Slice(14, 2), out minute))
            {
                return false;
            }

            if (text.Length == 19 && (text[16] != ':' || !TryDigits(text.Slice(17, 2), out second)))
            {
                return false;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>
    /// Parses a Unix epoch timestamp in milliseconds or microseconds, told apart by magnitude (Binance spot files
    /// switched to microseconds in 2025). <paramref name="ticksPerUnit"/> says which was found so a close time in the
    /// same unit can be turned into an interval.
    /// </summary>
    public static bool TryParseEpoch(ReadOnlySpan<char> text, out DateTime utc, out long ticksPerUnit)
    {
        utc = default;
        ticksPerUnit = 0;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 18 || !TryDigits(text, out long value))
        {
            return false;
        }

        if (value >= MicrosecondThreshold)
        {
            if (value > MaximumEpochMicroseconds)
            {
                return false;
            }

            ticksPerUnit = TimeSpan.TicksPerMicrosecond;
        }
        else
        {
            ticksPerUnit = TimeSpan.TicksPerMillisecond;
        }

        utc = new DateTime(DateTime.UnixEpoch.Ticks + (value * ticksPerUnit), DateTimeKind.Utc);
        return true;
    }

    /// <summary>True when the text is a plain run of ASCII digits, the shape of an epoch timestamp.</summary>
    public static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var character in text)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        var ok = TryDigits(text, out long wide);
        value = (int)wide;
        return ok;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (!IsAllDigits(text))
        {
            return false;
        }

        foreach (var character in text)
        {
            value = (value * 10) + (character - '0');
        }

        return true;
    }
}
