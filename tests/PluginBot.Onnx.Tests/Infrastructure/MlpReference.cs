using System.Text.Json;

namespace PluginBot.Onnx.Tests.Infrastructure;

/// <summary>
/// The forward pass of a one-hidden-layer MLP (linear, ReLU, linear, softmax) computed by hand in double from the
/// weights torch exported, so the expert's probabilities are checked against arithmetic, not against ONNX Runtime.
/// </summary>
internal sealed record MlpReference(double[][] HiddenWeights, double[] HiddenBias, double[][] OutputWeights, double[] OutputBias)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static MlpReference Read(string name) =>
        JsonSerializer.Deserialize<MlpReference>(File.ReadAllText(TestFiles.Path(name + ".weights.json")), Options)!;

    public double[] Probabilities(ReadOnlySpan<float> input)
    {
        var hidden = new double[HiddenBias.Length];
        for (var unit = 0; unit < hidden.Length; unit++)
        {
            var sum = HiddenBias[unit];
            for (var feature = 0; feature < input.Length; feature++)
            {
                sum += HiddenWeights[unit][feature] * input[feature];
            }

            hidden[unit] = Math.Max(0, sum);
        }

        var logits = new double[OutputBias.Length];
        for (var output = 0; output < logits.Length; output++)
        {
            logits[output] = OutputBias[output];
            for (var unit = 0; unit < hidden.Length; unit++)
            {
                logits[output] += OutputWeights[output][unit] * hidden[unit];
            }
        }

        var largest = logits.Max();
        var exponentials = logits.Select(l => Math.Exp(l - largest)).ToArray();
        var total = exponentials.Sum();
        return [.. exponentials.Select(e => e / total)];
    }
}
