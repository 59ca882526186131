using System.Text.Json;

namespace PluginBot.Onnx.Tests.Infrastructure;

/// <summary>Inputs and the outputs torch computed for them, from a fixture's .expected.json.</summary>
internal sealed record ExpectedOutput(int[] InputShape, float[] Input, int[] OutputShape, float[] Output)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public int BatchSize => InputShape[0];

    public static ExpectedOutput Read(string modelName) =>
        JsonSerializer.Deserialize<ExpectedOutput>(File.ReadAllText(TestFiles.Path(modelName + ".expected.json")), Options)
        ?? throw new InvalidDataException(modelName + ".expected.json is empty");
}
