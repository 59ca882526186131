using System.Text.Json;

namespace PluginBot.Binance.Tests;

/// <summary>Reads the recorded payloads copied into TestData.</summary>
internal static class TestFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static JsonDocument Json(string relative) => JsonDocument.Parse(Text(relative));

    /// <summary>Splits a file of JSON objects written one after another (the Lean recordings).</summary>
    public static IReadOnlyList<string> ConcatenatedObjects(string relative)
    {
        var text = Text(relative);
        var objects = new List<string>();
        var depth = 0;
        var start = -1;
        var inString = false;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (inString)
            {
                if (character == '\\')
                {
                    index++;
                }
                else if (character == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (character)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    if (depth++ == 0)
                    {
                        start = index;
                    }

                    break;
                case '}':
                    if (--depth == 0)
                    {
                        objects.Add(text[start..(index + 1)]);
                    }

                    break;
            }
        }

        return objects;
    }
}
