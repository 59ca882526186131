namespace PluginBot.Indicators.Tests.Infrastructure;

/// <summary>
/// Reads Lean's reference CSV files the way Lean's TestHelper does: first line is the header, every line is split on
/// ',' with no quoting, names and cells are trimmed, names are matched case-insensitively, and a UTF-8 BOM is ignored.
/// </summary>
internal sealed class ReferenceFile
{
    private readonly Dictionary<string, int> columns;

    private readonly List<ReferenceRow> rows = [];

    private ReferenceFile(string name, Dictionary<string, int> columns)
    {
        Name = name;
        this.columns = columns;
    }

    public string Name { get; }

    public IReadOnlyList<ReferenceRow> Rows => rows;

    public static ReferenceFile Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", fileName);
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < header.Length; index++)
        {
            columns[header[index].Trim()] = index;
        }

        var file = new ReferenceFile(fileName, columns);
        for (var index = 1; index < lines.Length; index++)
        {
            if (lines[index].Trim().Length == 0)
            {
                continue;
            }

            var cells = lines[index].Split(',');
            for (var cell = 0; cell < cells.Length; cell++)
            {
                cells[cell] = cells[cell].Trim();
            }

            file.rows.Add(new ReferenceRow(file, index + 1, cells));
        }

        return file;
    }

    public bool HasColumn(string name) => columns.ContainsKey(name);

    internal int ColumnIndex(string name) =>
        columns.TryGetValue(name, out var index)
            ? index
            : throw new KeyNotFoundException($"{Name} has no column '{name}'.");

    internal int? OptionalColumnIndex(params string[] names)
    {
        foreach (var name in names)
        {
            if (columns.TryGetValue(name, out var index))
            {
                return index;
            }
        }

        return null;
    }
}
