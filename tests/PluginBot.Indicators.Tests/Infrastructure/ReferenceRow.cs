using System.Globalization;

namespace PluginBot.Indicators.Tests.Infrastructure;

/// <summary>One data line of a <see cref="ReferenceFile"/>.</summary>
internal sealed class ReferenceRow
{
    private static readonly string[] DateFormats =
    [
        "M/d/yyyy h:mm:ss tt",
        "M/d/yyyy H:mm:ss",
        "M/d/yyyy",
        "yyyy-MM-dd h:mm:ss tt",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd",
        "yyyyMMdd HH:mm",
        "yyyyMMdd",
    ];

    private readonly ReferenceFile file;
    private readonly string[] cells;

    public ReferenceRow(ReferenceFile file, int lineNumber, string[] cells)
    {
        this.file = file;
        LineNumber = lineNumber;
        this.cells = cells;
    }

    /// <summary>1-based line in the file (the header is line 1), for failure messages.</summary>
    public int LineNumber { get; }

    /// <summary>The trimmed cell text, empty when the line is shorter than the header.</summary>
    public string Text(string column)
    {
        var index = file.ColumnIndex(column);
        return index < cells.Length ? cells[index] : string.Empty;
    }

    /// <summary>The cell as a number, or null for an empty or NaN cell (warm-up rows use both).</summary>
    public double? Number(string column)
    {
        var text = Text(column);
        if (text.Length == 0 || text.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The cell as a number; throws if it is empty, for input columns that must be present.</summary>
    public double Required(string column) =>
        Number(column) ?? throw new FormatException($"{file.Name} line {LineNumber}: '{column}' is empty.");

    /// <summary>
    /// The row's time from its Date or Time column: spreadsheet exports (M/D/YYYY 12:00:00 AM), ISO dates,
    /// yyyyMMdd HH:mm, or unix seconds (all digits).
    /// </summary>
    public DateTime Time
    {
        get
        {
            var index = file.OptionalColumnIndex("date", "time")
                ?? throw new KeyNotFoundException($"{file.Name} has no date or time column.");
            return ParseTime(cells[index]);
        }
    }

    /// <summary>A bar from Open/High/Low/Close and the optional Volume column (0 when absent), as Lean builds it.</summary>
    public BarSample Bar
    {
        get
        {
            var volume = file.HasColumn("volume") ? Number("volume") ?? 0 : 0;
            return new BarSample(
                Time,
                Required("open"),
                Required("high"),
                Required("low"),
                Required("close"),
                volume);
        }
    }

    public static DateTime ParseTime(string text)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && text.Length != 8)
        {
            return DateTime.UnixEpoch.AddSeconds(long.Parse(text, CultureInfo.InvariantCulture));
        }

        return DateTime.ParseExact(
            text,
            DateFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
